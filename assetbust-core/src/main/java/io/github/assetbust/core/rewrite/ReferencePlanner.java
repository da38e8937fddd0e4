package io.github.assetbust.core.rewrite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.AssetRoot;
import io.github.assetbust.core.reference.Reference;
import io.github.assetbust.core.reference.ReferenceSyntax;
import io.github.assetbust.core.reference.ReferenceTarget;
import io.github.assetbust.core.reference.TextBytes;

/**
 * Plans the rewriting of an asset tree: finds the references inside its CSS and JavaScript,
 * decides what becomes of each one, and puts the assets in levels so that referenced files are
 * hashed before the files that reference them. {@link ReferenceRewriter} then carries the plan
 * out, one file at a time.
 */
public final class ReferencePlanner {

	private final Path root;

	private final AssetRoot assetRoot;

	private final Set<AssetPath> assets;

	/**
	 * @param root the asset root, already resolved to its real path
	 * @param assets every asset the build hashes
	 */
	public ReferencePlanner(Path root, Set<AssetPath> assets) {
		this.root = root;
		this.assetRoot = AssetRoot.serving(root);
		this.assets = assets;
	}

	/** Reads the text assets among {@code assets} and plans the build. */
	public RewritePlan plan() {
		return plan(Map.of());
	}

	/**
	 * Plans the build without reading the assets whose references are already known.
	 * @param known for assets an earlier build found as they are now, and whose hashed copies stay
	 * as they are (no target of theirs changed either), what it learnt of their references
	 */
	public RewritePlan plan(Map<AssetPath, KnownReferences> known) {
		SortedMap<AssetPath, List<AssetPath>> graph = new TreeMap<>();
		Map<AssetPath, List<Found>> found = new TreeMap<>();
		Map<AssetPath, String> stamps = new TreeMap<>();
		for (AssetPath asset : this.assets) {
			TextBytes content = known.containsKey(asset) ? null : read(asset);
			List<Found> references = (content != null) ? find(asset, content) : List.of();
			List<AssetPath> targets = (content == null && known.containsKey(asset)) ? known.get(asset).targets()
					: references.stream()
						.filter((reference) -> reference.target().kind() == ReferenceTarget.Kind.LOCAL)
						.map((reference) -> reference.target().path())
						.filter(this.assets::contains)
						.distinct()
						.toList();
			found.put(asset, references);
			graph.put(asset, targets);
			if (content != null && !targets.isEmpty()) {
				// the content is read again when it is rewritten: nothing stays in memory meanwhile
				stamps.put(asset, content.stamp());
			}
		}
		DependencyGraph dependencies = new DependencyGraph(graph);
		Map<ReferenceOutcome, Integer> counts = new EnumMap<>(ReferenceOutcome.class);
		Map<AssetPath, Map<ReferenceOutcome, Integer>> outcomes = new TreeMap<>();
		known.forEach((asset, references) -> {
			outcomes.put(asset, references.outcomes());
			references.outcomes().forEach((outcome, count) -> counts.merge(outcome, count, Integer::sum));
		});
		List<ReferenceProblem> problems = new ArrayList<>();
		Map<AssetPath, AssetToRewrite> texts = new TreeMap<>();
		found.forEach((asset, references) -> {
			List<AssetToRewrite.Link> links = new ArrayList<>();
			Map<ReferenceOutcome, Integer> own = new EnumMap<>(ReferenceOutcome.class);
			if (!known.containsKey(asset)) {
				outcomes.put(asset, own);
			}
			for (Found reference : references) {
				ReferenceOutcome outcome = classify(asset, reference, dependencies, problems);
				counts.merge(outcome, 1, Integer::sum);
				own.merge(outcome, 1, Integer::sum);
				if (outcome == ReferenceOutcome.REWRITTEN) {
					links.add(new AssetToRewrite.Link(reference.reference(), reference.target()));
				}
			}
			if (!links.isEmpty()) {
				texts.put(asset, new AssetToRewrite(asset, stamps.get(asset), List.copyOf(links)));
			}
		});
		return new RewritePlan(dependencies.levels(), texts, outcomes, graph, new ReferenceReport(counts, problems));
	}

	/** The content of a file that may hold references; {@code null} for other files. */
	private TextBytes read(AssetPath asset) {
		if (ReferenceSyntax.forPath(asset) == null) {
			return null;
		}
		try {
			return TextBytes.read(asset.resolveAgainst(this.root));
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot read " + asset + " in " + this.root + ": " + ex.getMessage(), ex);
		}
	}

	private static List<Found> find(AssetPath asset, TextBytes content) {
		return ReferenceSyntax.forPath(asset)
			.find(content)
			.stream()
			.map((reference) -> new Found(reference, ReferenceTarget.of(asset, reference.url())))
			.toList();
	}

	private ReferenceOutcome classify(AssetPath asset, Found found, DependencyGraph dependencies,
			List<ReferenceProblem> problems) {
		ReferenceTarget target = found.target();
		Reference reference = found.reference();
		String url = TextBytes.utf8(reference.url());
		switch (target.kind()) {
			case DATA_URI:
				return ReferenceOutcome.DATA_URI;
			case EXTERNAL:
				return ReferenceOutcome.EXTERNAL;
			case FRAGMENT_ONLY:
				return ReferenceOutcome.FRAGMENT_ONLY;
			case OUTSIDE_ROOT:
				problems.add(new ReferenceProblem(asset, reference.line(), url, ReferenceOutcome.OUTSIDE_ROOT,
						"points outside the asset root; it is never followed"));
				return ReferenceOutcome.OUTSIDE_ROOT;
			default:
		}
		AssetPath path = target.path();
		if (!this.assets.contains(path)) {
			AssetRoot.Refusal refusal = this.assetRoot.refusal(path);
			if (refusal == AssetRoot.Refusal.OUTSIDE) {
				problems.add(new ReferenceProblem(asset, reference.line(), url, ReferenceOutcome.OUTSIDE_ROOT,
						"leads through a link out of the asset root; it is never followed"));
				return ReferenceOutcome.OUTSIDE_ROOT;
			}
			if (refusal != AssetRoot.Refusal.MISSING) {
				return ReferenceOutcome.NOT_AN_ASSET;
			}
			problems.add(new ReferenceProblem(asset, reference.line(), url, ReferenceOutcome.MISSING,
					"points at " + path + ", which does not exist"));
			return ReferenceOutcome.MISSING;
		}
		List<AssetPath> cycle = dependencies.cycleClosedBy(asset, path);
		if (cycle != null) {
			problems.add(new ReferenceProblem(asset, reference.line(), url, ReferenceOutcome.CYCLE,
					"closes the reference cycle "
							+ cycle.stream().map(AssetPath::toString).collect(Collectors.joining(" -> "))
							+ "; it keeps pointing at the unhashed " + path));
			return ReferenceOutcome.CYCLE;
		}
		return ReferenceOutcome.REWRITTEN;
	}

	private record Found(Reference reference, ReferenceTarget target) {
	}

}
