package io.github.assetbust.resolve;

/**
 * Turns an asset path as a template writes it into the URL a browser should load. Exposed as the
 * bean {@code assets} ({@code ${@assets.url('main.css')}}) and the Thymeleaf expression object
 * {@code #assets}.
 */
public interface AssetResolver {

	/**
	 * The URL of {@code path}: {@code css/main.css}, {@code /css/main.css} or a bare
	 * {@code main.css} (looked up under the folder named after its extension), with any
	 * {@code ?query} or {@code #fragment} kept. Unknown paths come back as their original URL, or
	 * fail in strict mode.
	 * @throws AssetNotFoundException in strict mode, when no manifest entry matches
	 */
	String url(String path);

	/**
	 * The Subresource Integrity value ({@code sha384-…}) of the file {@link #url(String)} points
	 * at, or {@code null} when the manifest has none for it.
	 * @throws AssetNotFoundException in strict mode, when no manifest entry matches
	 */
	String integrity(String path);

}
