package io.github.assetbust.core;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DurationsTests {

	@ParameterizedTest
	@CsvSource({ "1h, PT1H", "30m, PT30M", "90s, PT1M30S", "2d, PT48H", "500ms, PT0.5S", "1h30m, PT1H30M",
			"0, PT0S", "0s, PT0S", "PT1H, PT1H", "pt15m, PT15M", "P2D, PT48H", "' 2H ', PT2H", "PT0.25S, PT0.25S" })
	void readsSimpleAndIsoForms(String text, Duration expected) {
		assertThat(Durations.parse(text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "nonsense", "1", "10 m", "1w", "1.5h", "h", "-1h", "P", "PT", "1h-", "m30",
			"99999999999999999999d" })
	void rejectsAnythingElseNamingTheForms(String text) {
		assertThatExceptionOfType(AssetbustException.class).isThrownBy(() -> Durations.parse(text))
			.withMessage("'" + text + "' is not a duration: " + Durations.FORMS);
	}

	@Test
	void rejectsNegativeIsoDurations() {
		assertThatExceptionOfType(AssetbustException.class).isThrownBy(() -> Durations.parse("-PT1H"))
			.withMessage("'-PT1H' is negative: a max age is 0 or more");
	}

	@ParameterizedTest
	@CsvSource({ "PT1H, 1h", "PT30M, 30m", "PT1M30S, 90s", "PT48H, 2d", "PT0S, 0", "PT0.5S, 500ms",
			"PT1H30M, 90m", "PT0.000001S, PT0.000001S" })
	void formatsTheShortestFormItReadsBack(Duration duration, String expected) {
		assertThat(Durations.format(duration)).isEqualTo(expected);
		assertThat(Durations.parse(expected)).isEqualTo(duration);
	}

}
