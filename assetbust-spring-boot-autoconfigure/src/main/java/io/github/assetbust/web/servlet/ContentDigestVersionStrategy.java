package io.github.assetbust.web.servlet;

import io.github.assetbust.web.ContentDigestVersions;

import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.VersionResourceResolver;
import org.springframework.web.servlet.resource.VersionStrategy;

/**
 * Lets Spring MVC's {@link VersionResourceResolver} serve {@code css/main-<md5>.css} from
 * {@code css/main.css} while the file's md5 is the one in the name: {@link ContentDigestVersions}
 * as a {@link VersionStrategy}.
 */
public class ContentDigestVersionStrategy implements VersionStrategy {

	private final ContentDigestVersions versions;

	public ContentDigestVersionStrategy(ContentDigestVersions versions) {
		this.versions = versions;
	}

	@Override
	public String extractVersion(String requestPath) {
		return this.versions.extractVersion(requestPath);
	}

	@Override
	public String removeVersion(String requestPath, String version) {
		return this.versions.removeVersion(requestPath, version);
	}

	@Override
	public String addVersion(String path, String version) {
		return this.versions.addVersion(path, version);
	}

	@Override
	public String getResourceVersion(Resource resource) {
		return this.versions.versionOf(resource);
	}

}
