package io.github.assetbust.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

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
		Map<String, Result> byName = new LinkedHashMap<>();
		System.out.printf("%-70s %-5s %13s %12s %13s  %s%n", "benchmark", "mode", "score", "± error", "best iter.",
				"unit");
		for (Result result : read(Path.of(args[0]))) {
			byName.put(result.name(), result);
			System.out.printf(Locale.ROOT, "%-70s %-5s %13.3f %12.3f %13.3f  %s%n", result.name(), result.mode(),
					result.score(), result.error(), result.best(), result.unit());
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
						result.unit(), manifestLoadGoal(name));
			}
		});
	}

	/** Issue #7's goal for the built tree's 4,001 entries, issue #14's for a million. */
	static String manifestLoadGoal(String name) {
		if (name.contains("entries=1000000")) {
			return "goal: under 3000 ms/op, in 1 GB (run with -jvmArgs -Xmx1g)";
		}
		return (!name.contains("entries=") || name.contains("entries=4001")) ? "goal: under 30 ms/op" : "";
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

	/** The results in JMH's JSON: an array with one object per benchmark and parameter set. */
	static List<Result> read(Path file) throws IOException {
		List<Result> results = new ArrayList<>();
		try (JsonParser json = new JsonFactory().createParser(file.toFile())) {
			if (json.nextToken() != JsonToken.START_ARRAY) {
				throw new IOException(file + " is not a JMH JSON result file");
			}
			while (json.nextToken() == JsonToken.START_OBJECT) {
				results.add(readResult(json));
			}
		}
		return results;
	}

	private static Result readResult(JsonParser json) throws IOException {
		String benchmark = "";
		String mode = "";
		StringBuilder params = new StringBuilder();
		Result metric = null;
		while (json.nextToken() == JsonToken.FIELD_NAME) {
			String name = json.currentName();
			json.nextToken();
			switch (name) {
				case "benchmark" -> benchmark = shortName(json.getText());
				case "mode" -> mode = json.getText();
				case "params" -> {
					while (json.nextToken() == JsonToken.FIELD_NAME) {
						params.append(params.isEmpty() ? " (" : ", ").append(json.currentName()).append('=');
						json.nextToken();
						params.append(json.getText());
					}
					if (!params.isEmpty()) {
						params.append(')');
					}
				}
				case "primaryMetric" -> metric = readMetric(json);
				default -> json.skipChildren();
			}
		}
		if (metric == null) {
			throw new IOException("A result of " + benchmark + " has no primaryMetric");
		}
		return new Result(benchmark + params, mode, metric.score(), metric.error(), metric.best(), metric.unit());
	}

	private static Result readMetric(JsonParser json) throws IOException {
		double score = Double.NaN;
		double error = Double.NaN;
		double best = Double.NaN;
		String unit = "";
		while (json.nextToken() == JsonToken.FIELD_NAME) {
			String name = json.currentName();
			json.nextToken();
			switch (name) {
				case "score" -> score = number(json);
				case "scoreError" -> error = number(json);
				case "scoreUnit" -> unit = json.getText();
				case "rawData" -> best = best(json);
				default -> json.skipChildren();
			}
		}
		return new Result("", "", score, error, best, unit);
	}

	/** A number, or JMH's {@code "NaN"} for the error of a single measurement. */
	private static double number(JsonParser json) throws IOException {
		return json.currentToken().isNumeric() ? json.getDoubleValue() : Double.parseDouble(json.getText());
	}

	/**
	 * The fastest measured iteration over all forks ({@code rawData} is an array of forks, each an
	 * array of iterations): on a machine shared with other work, the one least disturbed by it.
	 */
	private static double best(JsonParser json) throws IOException {
		double best = Double.NaN;
		int depth = 1;
		while (depth > 0) {
			JsonToken token = json.nextToken();
			if (token == null) {
				throw new IOException("rawData ends before its arrays do");
			}
			if (token == JsonToken.START_ARRAY) {
				depth++;
			}
			else if (token == JsonToken.END_ARRAY) {
				depth--;
			}
			else if (token.isNumeric()) {
				double value = json.getDoubleValue();
				best = Double.isNaN(best) ? value : Math.min(best, value);
			}
		}
		return best;
	}

	private static String shortName(String benchmark) {
		int method = benchmark.lastIndexOf('.');
		return benchmark.substring(benchmark.lastIndexOf('.', method - 1) + 1);
	}

	/**
	 * One benchmark's result.
	 * @param name the class and method, with the parameters in brackets
	 */
	record Result(String name, String mode, double score, double error, double best, String unit) {
	}

}
