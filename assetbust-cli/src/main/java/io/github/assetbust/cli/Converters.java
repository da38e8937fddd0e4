package io.github.assetbust.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.path.Glob;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values core knows how to read, checked while parsing so that a bad one is a usage error. */
final class Converters {

	private Converters() {
	}

	/** {@code md5} or {@code sha256}, as {@link DigestAlgorithm#fromId} reads them. */
	static final class Algorithm implements ITypeConverter<DigestAlgorithm> {

		@Override
		public DigestAlgorithm convert(String value) {
			try {
				return DigestAlgorithm.fromId(value);
			}
			catch (AssetbustException ex) {
				throw new TypeConversionException(ex.getMessage());
			}
		}

	}

	/**
	 * A path that names something: an empty {@code --root "$UNSET"} would otherwise mean the
	 * current folder, and hash whatever happens to be there.
	 */
	static final class NonEmptyPath implements ITypeConverter<Path> {

		@Override
		public Path convert(String value) {
			if (value.isBlank()) {
				throw new TypeConversionException("an empty path names no file or folder");
			}
			try {
				return Path.of(value);
			}
			catch (InvalidPathException ex) {
				throw new TypeConversionException("'" + value + "' is not a valid path: " + ex.getReason());
			}
		}

	}

	/** {@code gzip} or {@code br}, as {@link Compression#fromId} reads them. */
	static final class CompressionName implements ITypeConverter<Compression> {

		@Override
		public Compression convert(String value) {
			try {
				return Compression.fromId(value);
			}
			catch (AssetbustException ex) {
				throw new TypeConversionException(ex.getMessage());
			}
		}

	}

	/** A glob core can compile, kept as written. */
	static final class GlobPattern implements ITypeConverter<String> {

		@Override
		public String convert(String value) {
			try {
				Glob.of(value);
				return value;
			}
			catch (AssetbustException ex) {
				throw new TypeConversionException(ex.getMessage());
			}
		}

	}

}
