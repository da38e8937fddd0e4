package io.github.assetbust.spring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.github.assetbust.core.AssetPath;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The folders in which dynamic mode finds live asset files, in order: the first one with a
 * readable file at a path has it, as when Spring's resource handler serves the path. Dotfiles are
 * never assets, and a file-system root never hands out a file through a link that leads out of it,
 * the rule the build root follows in manifest mode too.
 */
public final class AssetLocations {

	private final List<Location> locations;

	private AssetLocations(List<Location> locations) {
		this.locations = List.copyOf(locations);
	}

	/** An asset root on the file system, such as {@code assetbust.build.root}. */
	public static AssetLocations root(Path root) {
		Path absolute = root.toAbsolutePath().normalize();
		return new AssetLocations(List.of(new Location(absolute + "/", new FileSystemResource(absolute + "/"), absolute)));
	}

	/**
	 * Spring resource locations such as {@code classpath:/static/}, read as Spring Boot's static
	 * resource handler reads them.
	 */
	public static AssetLocations of(List<String> locations, ResourceLoader resourceLoader) {
		List<Location> folders = new ArrayList<>();
		for (String location : locations) {
			String folder = location.endsWith("/") ? location : location + "/";
			folders.add(new Location(folder, resourceLoader.getResource(folder), null));
		}
		return new AssetLocations(folders);
	}

	/** The readable file at {@code path} in the first location that has one, or {@code null}. */
	public Resource find(AssetPath path) {
		String value = path.toString();
		if (value.startsWith(".") || value.contains("/.")) {
			return null;
		}
		for (Location location : this.locations) {
			Resource file = location.find(path);
			if (file != null) {
				return file;
			}
		}
		return null;
	}

	/** The folders, in lookup order. */
	public List<Resource> folders() {
		return this.locations.stream().map(Location::folder).toList();
	}

	/** The locations as configured, for messages: {@code classpath:/static/, classpath:/public/}. */
	@Override
	public String toString() {
		return this.locations.stream().map(Location::name).collect(Collectors.joining(", "));
	}

	/**
	 * One folder.
	 * @param root the folder as a file-system path when it is a root that no link may lead out
	 * of; {@code null} for Spring locations, which may span several classpath entries
	 */
	private record Location(String name, Resource folder, Path root) {

		Resource find(AssetPath path) {
			return (this.root != null) ? findUnderRoot(path) : findRelative(path);
		}

		private Resource findUnderRoot(AssetPath path) {
			try {
				Path file = path.resolveAgainst(this.root);
				boolean inside = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
						&& file.toRealPath().startsWith(this.root.toRealPath());
				return inside ? new FileSystemResource(file) : null;
			}
			catch (IOException ex) {
				return null;
			}
		}

		private Resource findRelative(AssetPath path) {
			try {
				Resource file = this.folder.createRelative(path.toString());
				// isReadable() is false for folders, in a jar as on disk
				return (file.exists() && file.isReadable()) ? file : null;
			}
			catch (IOException ex) {
				return null;
			}
		}

	}

}
