package io.github.assetbust.resolve;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.ControlCharacters;
import io.github.assetbust.core.path.Urls;
import io.github.assetbust.web.AssetLocations;
/**
 * Thrown in strict mode when a template asks for an asset the manifest does not have (in dynamic
 * mode: that no asset location has).
 */
public class AssetNotFoundException extends AssetbustException {

	private final String path;

	public AssetNotFoundException(String path, String manifestLocation) {
		super("No asset '" + ControlCharacters.escape(path) + "' in manifest " + manifestLocation + " (assetbust.strict=true" + searched(path)
				+ "): fix the path, or rebuild the manifest so that it includes the file");
		this.path = path;
	}

	/**
	 * In dynamic mode: no readable file at {@code path} in any of {@code locations}, or one that
	 * {@code assetbust.build.include}/{@code exclude} leave out.
	 */
	public AssetNotFoundException(String path, AssetLocations locations) {
		super("No asset '" + ControlCharacters.escape(path) + "' in " + locations + " (assetbust.mode=dynamic, assetbust.strict=true"
				+ searched(path) + "): fix the path, add the file, or check that "
				+ "assetbust.build.include/exclude select it");
		this.path = path;
	}

	public String getPath() {
		return this.path;
	}

	/**
	 * Where a lookup of {@code path} searched, for messages: {@code "; looked for 'main.css' and
	 * 'css/main.css'"} for a bare name, since a bare name is also looked for under the folder named
	 * after its extension; empty for a path that is already there or names no file.
	 */
	static String searched(String path) {
		if (path.startsWith("webjars/") || path.startsWith("/webjars/")) {
			return "; looked for it in the WebJars on the class path too (with org.webjars:webjars-locator-lite there)";
		}
		int suffixStart = Urls.suffixStart(path);
		try {
			AssetPath asset = AssetPath.of((suffixStart < 0) ? path : path.substring(0, suffixStart));
			AssetPath inExtensionFolder = asset.inExtensionFolder();
			if (inExtensionFolder == null || asset.withoutExtensionFolder() != null) {
				return "";
			}
			return "; looked for '" + asset + "' and '" + inExtensionFolder + "'";
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

}
