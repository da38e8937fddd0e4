package io.github.assetbust.autoconfigure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import io.github.assetbust.core.AssetbustException;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Turns configured locations into resources: {@code classpath:} and {@code file:} as Spring
 * reads them, and a plain path as a file-system path (not a servlet-context one, which is what
 * a web application's own resource loader would make of it).
 */
final class ConfiguredLocations {

	private ConfiguredLocations() {
	}

	private static final Pattern URL_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:");

	static Resource resource(String location, ResourceLoader resourceLoader) {
		return URL_SCHEME.matcher(location).find() ? resourceLoader.getResource(location)
				: new FileSystemResource(location);
	}

	/**
	 * The file-system path of {@code location}.
	 * @throws AssetbustException naming the property if it is not on the file system
	 */
	static Path path(String location, String property, ResourceLoader resourceLoader) {
		Resource resource = resource(location, resourceLoader);
		if (!resource.isFile()) {
			throw new AssetbustException(property + " must be a file-system location such as 'file:/var/www/html', but is '"
					+ location + "'");
		}
		try {
			return resource.getFile().toPath();
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot resolve " + property + " '" + location + "': " + ex.getMessage(), ex);
		}
	}

}
