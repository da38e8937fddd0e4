package io.github.assetbust.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class JmhSummaryTests {

	@TempDir
	Path folder;

	@Test
	void readsEachResultWithItsParametersAndFastestIteration() throws IOException {
		Path file = Files.writeString(this.folder.resolve("result.json"), """
				[
				  {
				    "jmhVersion" : "1.37",
				    "benchmark" : "io.github.assetbust.benchmarks.ManifestLoadBenchmark.loadCold",
				    "mode" : "ss",
				    "params" : { "entries" : "1000000" },
				    "primaryMetric" : {
				      "score" : 812.5,
				      "scoreError" : "NaN",
				      "scorePercentiles" : { "0.0" : 800.0 },
				      "scoreUnit" : "ms/op",
				      "rawData" : [ [ 825.0 ], [ 800.0 ] ]
				    },
				    "secondaryMetrics" : { }
				  },
				  {
				    "benchmark" : "io.github.assetbust.benchmarks.LookupBenchmark.assetbustHit",
				    "mode" : "avgt",
				    "primaryMetric" : {
				      "score" : 21.5,
				      "scoreError" : 0.5,
				      "scoreUnit" : "ns/op",
				      "rawData" : [ [ 22, 21.0 ] ]
				    }
				  }
				]
				""");
		assertThat(JmhSummary.read(file)).containsExactly(
				new JmhSummary.Result("ManifestLoadBenchmark.loadCold (entries=1000000)", "ss", 812.5, Double.NaN, 800.0,
						"ms/op"),
				new JmhSummary.Result("LookupBenchmark.assetbustHit", "avgt", 21.5, 0.5, 21.0, "ns/op"));
	}

	@Test
	void holdsAManifestLoadToTheGoalOfItsSize() {
		assertThat(JmhSummary.manifestLoadGoal("ManifestLoadBenchmark.loadCold")).contains("30 ms");
		assertThat(JmhSummary.manifestLoadGoal("ManifestLoadBenchmark.loadCold (entries=4001)")).contains("30 ms");
		assertThat(JmhSummary.manifestLoadGoal("ManifestLoadBenchmark.loadWarm (entries=1000000)")).contains("3000 ms")
			.contains("1 GB");
		assertThat(JmhSummary.manifestLoadGoal("ManifestLoadBenchmark.loadWarm (entries=20000)")).isEmpty();
	}

}
