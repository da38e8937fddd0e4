package io.github.assetbust.core.retention;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.assetbust.core.AssetbustException;

import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The retention rule over a store that is not a folder (a bucket, for the publish command): the
 * same generations are kept, the same copies go, with their variants, and only files a
 * generation lists are ever asked about.
 */
class CleanerStoreTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private final MapStore store = new MapStore();

	@Test
	void keepsTheCurrentAndKeepPreviousGenerationsAndDeletesOlderCopiesWithTheirVariants() {
		this.store.put("css/a-11111111.css", NOW.minus(Duration.ofDays(3)), 10);
		this.store.put("css/a-11111111.css.gz", NOW.minus(Duration.ofDays(3)), 4);
		this.store.put("css/a-22222222.css", NOW.minus(Duration.ofDays(2)), 10);
		this.store.put("css/a-33333333.css", NOW.minus(Duration.ofDays(1)), 10);
		this.store.put("css/foreign-44444444.css", NOW.minus(Duration.ofDays(9)), 10);
		Generations generations = new Generations(List.of(generation(NOW, "css/a-33333333.css"),
				generation(NOW.minus(Duration.ofDays(2)), "css/a-22222222.css"),
				generation(NOW.minus(Duration.ofDays(3)), "css/a-11111111.css")));

		AssetCleaner.Result result = new AssetCleaner(this.store, new Retention(1, Duration.ofHours(1)),
				CLOCK)
			.removeStale(manifest("css/a-33333333.css"), generations);

		assertThat(result.removed()).extracting(AssetPath::toString).containsExactly("css/a-11111111.css");
		assertThat(this.store.deleted).containsExactly("css/a-11111111.css", "css/a-11111111.css.gz");
		assertThat(result.bytes()).isEqualTo(14);
		assertThat(result.generations().list()).hasSize(2);
		assertThat(this.store.asked).doesNotContain("css/foreign-44444444.css", "css/a-22222222.css",
				"css/a-33333333.css");
	}

	@Test
	void keepsACopyOfAnOldGenerationThatIsYoungerThanMaxAgeAndKeepsItOnRecord() {
		this.store.put("css/a-11111111.css", NOW.minus(Duration.ofMinutes(10)), 10);
		this.store.put("css/a-22222222.css", NOW, 10);
		Generations generations = new Generations(List.of(generation(NOW, "css/a-22222222.css"),
				generation(NOW.minus(Duration.ofMinutes(10)), "css/a-11111111.css")));

		AssetCleaner.Result result = new AssetCleaner(this.store, new Retention(0, Duration.ofHours(1)),
				CLOCK)
			.removeStale(manifest("css/a-22222222.css"), generations);

		assertThat(result.removed()).isEmpty();
		assertThat(this.store.deleted).isEmpty();
		assertThat(result.generations()).isEqualTo(generations);
	}

	@Test
	void dropsFromTheRecordACopyTheStoreNoLongerHas() {
		this.store.put("css/a-22222222.css", NOW, 10);
		Generations generations = new Generations(List.of(generation(NOW, "css/a-22222222.css"),
				generation(NOW.minus(Duration.ofDays(1)), "css/a-11111111.css")));

		AssetCleaner.Result result = new AssetCleaner(this.store, new Retention(0, Duration.ZERO), CLOCK)
			.removeStale(manifest("css/a-22222222.css"), generations);

		assertThat(result.removed()).isEmpty();
		assertThat(result.generations().list()).hasSize(1);
	}

	@Test
	void aRecordWrittenToAStreamReadsBackEqual() {
		Generations generations = new Generations(List.of(generation(NOW, "css/a-22222222.css", "js/b-33333333.js"),
				generation(NOW.minus(Duration.ofDays(1)), "css/a-11111111.css")));
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		try {
			generations.write(out);
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}

		assertThat(Generations.read(new ByteArrayInputStream(out.toByteArray()), "s3://bucket/record"))
			.isEqualTo(generations);
	}

	@Test
	void aMalformedRecordFromAStreamIsReportedWithItsLocation() {
		byte[] json = "{\"generations\": [{\"built\": \"yesterday\", \"files\": []}]}".getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> Generations.read(new ByteArrayInputStream(json), "s3://bucket/record"))
			.isInstanceOf(AssetbustException.class)
			.hasMessageContaining("s3://bucket/record is malformed");
	}

	private static Generations.Generation generation(Instant built, String... files) {
		return new Generations.Generation(built, Stream.of(files).map(AssetPath::of).collect(Collectors.toSet()));
	}

	private static Manifest manifest(String hashed) {
		AssetPath copy = AssetPath.of(hashed);
		String name = copy.fileName();
		AssetPath original = copy.withFileName(name.substring(0, name.indexOf('-')) + name.substring(name.indexOf('.')));
		return new Manifest(DigestAlgorithm.MD5, null, Map.of(original, new ManifestEntry(copy, null, 10)));
	}

	/** A store of names, ages and sizes that remembers what it was asked and what it deleted. */
	private static final class MapStore implements AssetCleaner.Store {

		private final Map<String, Instant> modified = new HashMap<>();

		private final Map<String, Long> sizes = new HashMap<>();

		final List<String> asked = new ArrayList<>();

		final List<String> deleted = new ArrayList<>();

		void put(String file, Instant modified, long size) {
			this.modified.put(file, modified);
			this.sizes.put(file, size);
		}

		@Override
		public Instant lastModified(AssetPath file) {
			this.asked.add(file.toString());
			return this.modified.get(file.toString());
		}

		@Override
		public long delete(AssetPath file) {
			this.deleted.add(file.toString());
			this.modified.remove(file.toString());
			return this.sizes.remove(file.toString());
		}

	}

}
