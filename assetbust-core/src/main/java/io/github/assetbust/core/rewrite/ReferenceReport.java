package io.github.assetbust.core.rewrite;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a build did with the references inside CSS and JavaScript.
 * @param counts how many references ended each way
 * @param problems every reference that was reported, in file order
 */
public record ReferenceReport(Map<ReferenceOutcome, Integer> counts, List<ReferenceProblem> problems) {

	public ReferenceReport {
		EnumMap<ReferenceOutcome, Integer> all = new EnumMap<>(ReferenceOutcome.class);
		for (ReferenceOutcome outcome : ReferenceOutcome.values()) {
			all.put(outcome, counts.getOrDefault(outcome, 0));
		}
		counts = Collections.unmodifiableMap(all);
		problems = List.copyOf(problems);
	}

	public int count(ReferenceOutcome outcome) {
		return this.counts.get(outcome);
	}

	/** The problems strict mode fails a build over. */
	public List<ReferenceProblem> broken() {
		return this.problems.stream().filter((problem) -> problem.outcome().isBroken()).toList();
	}

}
