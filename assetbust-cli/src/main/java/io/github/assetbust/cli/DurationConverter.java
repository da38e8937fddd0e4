package io.github.assetbust.cli;

import java.time.Duration;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a {@code --max-age} as {@link Durations} does, for picocli. */
final class DurationConverter implements ITypeConverter<Duration> {

	@Override
	public Duration convert(String value) {
		try {
			return Durations.parse(value);
		}
		catch (AssetbustException ex) {
			throw new TypeConversionException(ex.getMessage());
		}
	}

}
