package io.github.assetbust.core.rewrite;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.AssetRoot;
import io.github.assetbust.core.reference.Reference;
import io.github.assetbust.core.reference.ReferenceSyntax;
import io.github.assetbust.core.reference.ReferenceTarget;
import io.github.assetbust.core.reference.TextBytes;

/**
 * Finds the references inside an asset tree's CSS and JavaScript, orders the assets so that
 * referenced files are hashed before the files that reference them, and rewrites each reference to
 * the hashed name of its target. Since the rewritten bytes are the bytes that get digested, a
 * file's name changes whenever anything it references changes, through any number of imports.
 */
public final class ReferenceRewriter {

	private final Path root;

	private final AssetRoot assetRoot;

	private final Set<AssetPath> assets;

	/**
	 * @param root the asset root, already resolved to its real path
	 * @param assets every asset the build hashes
	 */
	public ReferenceRewriter(Path root, Set<AssetPath> assets) {
		this.root = root;
		this.assetRoot = AssetRoot.serving(root);
		this.assets = assets;
	}

	/** Reads the text assets among {@code assets} and plans the build. */
	public Plan plan() {
		return plan(Map.of());
	}

	/**
	 * Plans the build without reading the assets whose references are already known.
	 * @param known for assets a previous build found unchanged, how their references ended; each
	 * of them must be of a kind that needs no rewriting
	 */
	public Plan plan(Map<AssetPath, Map<ReferenceOutcome, Integer>> known) {
		SortedMap<AssetPath, List<AssetPath>> graph = new TreeMap<>();
		Map<AssetPath, List<Found>> found = new TreeMap<>();
		Map<AssetPath, String> stamps = new TreeMap<>();
		for (AssetPath asset : this.assets) {
			TextBytes content = known.containsKey(asset) ? null : read(asset);
			List<Found> references = (content != null) ? find(asset, content) : List.of();
			List<AssetPath> targets = references.stream()
				.filter((reference) -> reference.target().kind() == ReferenceTarget.Kind.LOCAL)
				.map((reference) -> reference.target().path())
				.filter(this.assets::contains)
				.toList();
			found.put(asset, references);
			graph.put(asset, targets);
			if (!targets.isEmpty()) {
				// the content is read again when it is rewritten: nothing stays in memory meanwhile
				stamps.put(asset, content.stamp());
			}
		}
		DependencyGraph dependencies = new DependencyGraph(graph);
		Map<ReferenceOutcome, Integer> counts = new EnumMap<>(ReferenceOutcome.class);
		Map<AssetPath, Map<ReferenceOutcome, Integer>> outcomes = new TreeMap<>(known);
		known.values().forEach((byOutcome) -> byOutcome.forEach((outcome, count) -> counts.merge(outcome, count, Integer::sum)));
		List<ReferenceProblem> problems = new ArrayList<>();
		Map<AssetPath, TextAsset> texts = new TreeMap<>();
		found.forEach((asset, references) -> {
			List<TextAsset.Link> links = new ArrayList<>();
			Map<ReferenceOutcome, Integer> own = new EnumMap<>(ReferenceOutcome.class);
			if (!known.containsKey(asset)) {
				outcomes.put(asset, own);
			}
			for (Found reference : references) {
				ReferenceOutcome outcome = classify(asset, reference, dependencies, problems);
				counts.merge(outcome, 1, Integer::sum);
				own.merge(outcome, 1, Integer::sum);
				if (outcome == ReferenceOutcome.REWRITTEN) {
					links.add(new TextAsset.Link(reference.reference(), reference.target()));
				}
			}
			if (!links.isEmpty()) {
				texts.put(asset, new TextAsset(asset, stamps.get(asset), List.copyOf(links)));
			}
		});
		return new Plan(dependencies.order(), texts, outcomes, new ReferenceReport(counts, problems));
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
		String url = utf8(reference.url());
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

	/**
	 * Writes the content of {@code text} to {@code out} with every reference pointing at its
	 * target's hashed copy, reading the file again as it goes.
	 * @param hashedPathOf the hashed copy of an asset already built, {@code null} for others
	 * @throws AssetbustException if the file changed since it was planned, so that its references
	 * are no longer where the plan found them
	 */
	public void rewrite(TextAsset text, Function<AssetPath, AssetPath> hashedPathOf, OutputStream out) throws IOException {
		TextBytes content = TextBytes.read(text.path().resolveAgainst(this.root));
		if (!content.stamp().equals(text.stamp())) {
			throw new AssetbustException(text.path() + " in " + this.root
					+ " changed while it was being built, so its references may have moved; build again");
		}
		int written = 0;
		for (TextAsset.Link link : text.references()) {
			AssetPath hashed = hashedPathOf.apply(link.target().path());
			if (hashed == null) {
				throw new IllegalStateException("Asset " + link.target().path() + " was not hashed before " + text.path());
			}
			content.writeTo(out, written, link.reference().start());
			out.write(link.target().rewrittenTo(hashed).getBytes(StandardCharsets.ISO_8859_1));
			written = link.reference().end();
		}
		content.writeTo(out, written, content.length());
	}

	private static String utf8(String latin1) {
		return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
	}

	private record Found(Reference reference, ReferenceTarget target) {
	}

	/**
	 * How to build an asset tree.
	 * @param order every asset, each after the assets it references
	 * @param texts the assets whose content is rewritten, by path
	 * @param outcomes for every asset, how its references end
	 * @param report what happens to every reference
	 */
	public record Plan(List<AssetPath> order, Map<AssetPath, TextAsset> texts,
			Map<AssetPath, Map<ReferenceOutcome, Integer>> outcomes, ReferenceReport report) {
	}

}
