package io.github.assetbust.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints a JMH JSON result file ({@code -rf json -rff FILE}) as a table, with the ratios issue #7
 * asks for and its goals beside them. It only reports: no figure fails a build. Beside JMH's score
 * (the mean) it shows the fastest iteration, and ratios of both: where other work shares the
 * machine, the fastest iterations are the ones it disturbed least.
 *
 * <p>{@code java -cp benchmarks.jar io.github.assetbust.benchmarks.JmhSummary FILE}
 */
public final class JmhSummary {

	private JmhSummary() {
	}

	public static void main(String[] args) throws IOException {
		JsonNode results = JsonMapper.builder().build().readTree(Path.of(args[0]).toFile());
		Map<String, Result> byName = new LinkedHashMap<>();
		System.out.printf("%-70s %-5s %13s %12s %13s  %s%n", "benchmark", "mode", "score", "± error", "best iter.",
				"unit");
		for (JsonNode result : results) {
			String name = shortName(result.get("benchmark").stringValue()) + params(result.get("params"));
			JsonNode metric = result.get("primaryMetric");
			Result parsed = new Result(metric.get("score").doubleValue(), metric.get("scoreError").doubleValue(),
					best(metric.get("rawData")), metric.get("scoreUnit").stringValue());
			byName.put(name, parsed);
			System.out.printf(Locale.ROOT, "%-70s %-5s %13.3f %12.3f %13.3f  %s%n", name,
					result.get("mode").stringValue(), parsed.score(), parsed.error(), parsed.best(), parsed.unit());
		}
		System.out.println();
		System.out.printf("%-70s %10s %10s%n", "", "of scores", "of bests");
		ratio(byName, "LookupBenchmark.springResourceUrlProvider", "LookupBenchmark.assetbustHit",
				"Spring resource chain / assetbust hit", "goal: at least 20");
		ratio(byName, "ThymeleafBenchmark.rewrittenPlainLinks", "ThymeleafBenchmark.plainLinks",
				"page with @{} hashed by rewrite-links / with @{}", "goal: at most 1.03");
		ratio(byName, "ThymeleafBenchmark.assetsExpression", "ThymeleafBenchmark.plainLinks",
				"page with ${#assets.url()} / with @{}", "");
		ratio(byName, "ThymeleafBenchmark.assetsAttribute", "ThymeleafBenchmark.plainLinks",
				"page with assets:href / with @{}", "");
		ratio(byName, "ThymeleafBenchmark.identityExpression", "ThymeleafBenchmark.plainLinks",
				"page with ${...} calls, no lookup / with @{}", "");
		Result hit = byName.get("LookupBenchmark.assetbustHit");
		if (hit != null) {
			System.out.printf(Locale.ROOT, "%-70s %10.1f %10.1f  %-6s %s%n", "assetbust hit", hit.score(), hit.best(),
					hit.unit(), "goal: under 50 ns/op");
		}
		byName.forEach((name, result) -> {
			if (name.startsWith("ManifestLoadBenchmark.")) {
				System.out.printf(Locale.ROOT, "%-70s %10.1f %10.1f  %-6s %s%n",
						"manifest load, " + name.substring(name.indexOf('.') + 1), result.score(), result.best(),
						result.unit(), "goal: under 30 ms/op");
			}
		});
	}

	private static void ratio(Map<String, Result> byName, String numerator, String denominator, String label,
			String goal) {
		byName.forEach((name, result) -> {
			if (!name.startsWith(numerator)) {
				return;
			}
			String params = name.substring(numerator.length());
			Result base = byName.get(denominator + params);
			if (base != null && base.unit().equals(result.unit())) {
				System.out.printf(Locale.ROOT, "%-70s %10.2f %10.2f  %s%n", label + params,
						result.score() / base.score(), result.best() / base.best(), goal);
			}
		});
	}

	/**
	 * The fastest measured iteration over all forks: on a machine shared with other work, the one
	 * least disturbed by it.
	 */
	private static double best(JsonNode rawData) {
		double best = Double.NaN;
		if (rawData != null) {
			for (JsonNode fork : rawData) {
				for (JsonNode iteration : fork) {
					double value = iteration.doubleValue();
					best = Double.isNaN(best) ? value : Math.min(best, value);
				}
			}
		}
		return best;
	}

	private static String shortName(String benchmark) {
		int method = benchmark.lastIndexOf('.');
		return benchmark.substring(benchmark.lastIndexOf('.', method - 1) + 1);
	}

	private static String params(JsonNode params) {
		if (params == null || params.isEmpty()) {
			return "";
		}
		StringBuilder text = new StringBuilder(" (");
		params.properties().forEach((param) -> {
			if (text.length() > 2) {
				text.append(", ");
			}
			text.append(param.getKey()).append('=').append(param.getValue().stringValue());
		});
		return text.append(')').toString();
	}

	private record Result(double score, double error, double best, String unit) {
	}

}
