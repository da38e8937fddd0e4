package io.github.assetbust.core.compress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.HashedName;

/**
 * A content encoding whose precompressed variant a build can write beside a hashed copy:
 * {@code css/main-<digest>.css.gz} and {@code css/main-<digest>.css.br}, which a server hands to
 * browsers that accept the encoding. The variant's name is derived from the copy's, so it needs no
 * record of its own: it lives and goes with its copy.
 */
public enum Compression {

	/** gzip, {@code .gz} variants. */
	GZIP("gzip", ".gz"),

	/** Brotli, {@code .br} variants: named after its content coding, as configuration spells it. */
	BR("br", ".br");

	/**
	 * Text, and fonts stored uncompressed. Images and woff/woff2 are compressed already: a variant
	 * would only cost disk space and build time.
	 */
	private static final Set<String> COMPRESSIBLE_EXTENSIONS = Set.of("css", "js", "mjs", "svg", "json", "map", "txt",
			"xml", "html", "htm", "ttf", "otf", "eot");

	private final String id;

	private final String suffix;

	Compression(String id, String suffix) {
		this.id = id;
		this.suffix = suffix;
	}

	/** The name used in configuration and in {@code Content-Encoding}: {@code gzip}, {@code br}. */
	public String id() {
		return this.id;
	}

	/** What the variant's name adds to the copy's: {@code .gz}, {@code .br}. */
	public String suffix() {
		return this.suffix;
	}

	/** The variant of {@code hashedCopy} in this encoding: {@code css/main-<digest>.css.br}. */
	public AssetPath variantOf(AssetPath hashedCopy) {
		return hashedCopy.withFileName(hashedCopy.fileName() + this.suffix);
	}

	/** Whether {@code path} (an original or its hashed copy) is of a type worth precompressing. */
	public static boolean appliesTo(AssetPath path) {
		return COMPRESSIBLE_EXTENSIONS.contains(path.extension().toLowerCase(Locale.ROOT));
	}

	/**
	 * If {@code path} is named like a variant of a hashed copy ({@code main-<digest>.css.gz}), that
	 * copy's path; otherwise {@code null}. A match says nothing about who made the file.
	 */
	public static AssetPath copyOfVariant(AssetPath path) {
		String name = path.fileName();
		for (Compression compression : values()) {
			if (name.endsWith(compression.suffix) && name.length() > compression.suffix.length()) {
				AssetPath copy = path.withFileName(name.substring(0, name.length() - compression.suffix.length()));
				return HashedName.looksHashed(copy) ? copy : null;
			}
		}
		return null;
	}

	/** Parses {@code gzip} or {@code br} (also {@code brotli}, {@code gz}), ignoring case. */
	public static Compression fromId(String id) {
		String normalised = id.trim().toLowerCase(Locale.ROOT);
		return switch (normalised) {
			case "gzip", "gz" -> GZIP;
			case "br", "brotli" -> BR;
			default -> throw new AssetbustException("Unknown compression '" + id + "': use gzip or br");
		};
	}

	/**
	 * Parses a list such as {@code ["gzip", "br"]}; each element may itself be comma-separated
	 * ({@code "gzip,br"}), and blank elements are ignored, so an empty setting means none.
	 */
	public static Set<Compression> parse(Collection<String> ids) {
		Set<Compression> compressions = EnumSet.noneOf(Compression.class);
		ids.stream()
			.flatMap((id) -> Stream.of(id.split(",")))
			.filter((id) -> !id.isBlank())
			.map(Compression::fromId)
			.forEach(compressions::add);
		return compressions;
	}

	/** {@code gzip, br}: the ids of {@code compressions}, for messages. */
	public static String ids(Collection<Compression> compressions) {
		return compressions.stream().map(Compression::id).collect(Collectors.joining(", "));
	}

	/**
	 * Checks that this encoding can be written here: Brotli needs its library and a native build
	 * of it for this platform.
	 * @throws AssetbustException saying what to add, if not
	 */
	public void requireAvailable() {
		if (this == BR) {
			BrotliCodec.requireAvailable();
		}
	}

	/** Whether this encoding can be read and written here. */
	public boolean isAvailable() {
		return this != BR || BrotliCodec.isAvailable();
	}

	/**
	 * A stream that compresses what is written to it into {@code out} as tightly as this encoding
	 * goes, the same bytes for the same input every time; closing it closes {@code out}.
	 * @param path the copy being compressed, whose type may tune the encoder
	 * @param size how many bytes will be written, which may tune it too
	 */
	public OutputStream compressing(OutputStream out, AssetPath path, long size, int brotliQuality)
			throws IOException {
		return (this == GZIP) ? new ReproducibleGzipOutputStream(out)
				: BrotliCodec.compressing(out, path, size, brotliQuality);
	}

	/** A stream of what {@code in}, in this encoding, decompresses to. */
	public InputStream decompressing(InputStream in) throws IOException {
		return (this == GZIP) ? new GZIPInputStream(in, 64 * 1024) : BrotliCodec.decompressing(in);
	}

	/** Every encoding, for callers that look for variants whatever a build was configured with. */
	/** Every compression, the one that makes the smaller variants first: the order a server prefers them in. */
	public static List<Compression> byPreference() {
		return List.of(BR, GZIP);
	}

	public static Set<Compression> all() {
		return EnumSet.allOf(Compression.class);
	}

}
