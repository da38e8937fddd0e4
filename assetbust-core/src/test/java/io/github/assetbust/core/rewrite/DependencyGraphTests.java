package io.github.assetbust.core.rewrite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DependencyGraphTests {

	private final SortedMap<AssetPath, List<AssetPath>> references = new TreeMap<>();

	private static AssetPath path(String path) {
		return AssetPath.of(path);
	}

	private static List<AssetPath> paths(String... paths) {
		return Arrays.stream(paths).map(AssetPath::of).toList();
	}

	/** Declares that {@code from} references {@code to}, in that order, and that every one of them is an asset. */
	private DependencyGraphTests refs(String from, String... to) {
		this.references.computeIfAbsent(path(from), (key) -> new ArrayList<>()).addAll(paths(to));
		for (String target : to) {
			this.references.computeIfAbsent(path(target), (key) -> new ArrayList<>());
		}
		return this;
	}

	private DependencyGraph graph() {
		return new DependencyGraph(this.references);
	}

	private static void assertComesBefore(List<AssetPath> order, String first, String then) {
		assertThat(order.indexOf(path(first))).as("%s before %s in %s", first, then, order)
			.isGreaterThanOrEqualTo(0)
			.isLessThan(order.indexOf(path(then)));
	}

	@Test
	void putsAReferencedFileBeforeTheFileReferencingIt() {
		refs("css/a.css", "img/x.png");
		assertThat(graph().order()).containsExactlyElementsOf(paths("img/x.png", "css/a.css"));
	}

	@Test
	void ordersAChainFromItsEnd() {
		refs("css/a.css", "css/b.css").refs("css/b.css", "css/c.css").refs("css/c.css", "img/x.png");
		List<AssetPath> order = graph().order();
		assertComesBefore(order, "img/x.png", "css/c.css");
		assertComesBefore(order, "css/c.css", "css/b.css");
		assertComesBefore(order, "css/b.css", "css/a.css");
	}

	@Test
	void ordersAChainOneHundredThousandFilesDeep() {
		int depth = 100_000;
		for (int i = 0; i < depth; i++) {
			refs(String.format("css/%06d.css", i), String.format("css/%06d.css", i + 1));
		}
		List<AssetPath> order = graph().order();
		assertThat(order).hasSize(depth + 1);
		for (int i = 0; i <= depth; i++) {
			assertThat(order.get(i)).hasToString(String.format("css/%06d.css", depth - i));
		}
	}

	@Test
	void reportsACycleOneHundredThousandFilesLong() {
		int length = 100_000;
		for (int i = 0; i < length; i++) {
			refs(String.format("css/%06d.css", i), String.format("css/%06d.css", (i + 1) % length));
		}
		DependencyGraph graph = graph();
		List<AssetPath> cycle = graph.cycleClosedBy(path(String.format("css/%06d.css", length - 1)), path("css/000000.css"));
		assertThat(cycle).hasSize(length + 1).startsWith(path("css/000000.css")).endsWith(path("css/000000.css"));
		assertThat(graph.order()).hasSize(length);
	}

	@Test
	void ordersADiamondWithTheSharedFileFirst() {
		refs("css/a.css", "css/b.css", "css/c.css").refs("css/b.css", "img/d.png").refs("css/c.css", "img/d.png");
		List<AssetPath> order = graph().order();
		assertThat(order).hasSize(4).doesNotHaveDuplicates();
		assertComesBefore(order, "img/d.png", "css/b.css");
		assertComesBefore(order, "img/d.png", "css/c.css");
		assertComesBefore(order, "css/b.css", "css/a.css");
		assertComesBefore(order, "css/c.css", "css/a.css");
	}

	@Test
	void listsAFileReferencedTwiceOnce() {
		refs("css/a.css", "img/x.png", "img/x.png", "img/x.png");
		assertThat(graph().order()).containsExactlyElementsOf(paths("img/x.png", "css/a.css"));
	}

	@Test
	void listsUnrelatedFilesInPathOrder() {
		refs("js/app.js").refs("css/b.css").refs("img/a.png").refs("css/a.css");
		assertThat(graph().order()).containsExactlyElementsOf(paths("css/a.css", "css/b.css", "img/a.png", "js/app.js"));
	}

	@Test
	void givesTheSameOrderWhateverOrderTheFilesWereAddedIn() {
		refs("css/z.css", "css/m.css").refs("css/m.css", "img/b.png", "img/a.png").refs("css/a.css", "img/a.png");
		List<AssetPath> first = graph().order();
		this.references.clear();
		refs("css/a.css", "img/a.png").refs("css/m.css", "img/b.png", "img/a.png").refs("css/z.css", "css/m.css");
		assertThat(graph().order()).containsExactlyElementsOf(first)
			.containsExactlyElementsOf(paths("img/a.png", "css/a.css", "img/b.png", "css/m.css", "css/z.css"));
	}

	@Test
	void ignoresAReferenceToAFileThatIsNotInTheGraph() {
		this.references.put(path("css/a.css"), paths("img/missing.png"));
		DependencyGraph graph = graph();
		assertThat(graph.order()).containsExactlyElementsOf(paths("css/a.css"));
		assertThat(graph.cycleClosedBy(path("css/a.css"), path("img/missing.png"))).isNull();
	}

	@Test
	void reportsATwoCycleWithItsPath() {
		refs("css/a.css", "css/b.css").refs("css/b.css", "css/a.css");
		DependencyGraph graph = graph();
		assertThat(graph.cycleClosedBy(path("css/b.css"), path("css/a.css")))
			.containsExactlyElementsOf(paths("css/a.css", "css/b.css", "css/a.css"));
		assertThat(graph.cycleClosedBy(path("css/a.css"), path("css/b.css"))).isNull();
		assertThat(graph.order()).containsExactlyElementsOf(paths("css/b.css", "css/a.css"));
	}

	@Test
	void reportsAThreeCycleWithItsPath() {
		refs("css/a.css", "css/b.css").refs("css/b.css", "css/c.css").refs("css/c.css", "css/a.css");
		DependencyGraph graph = graph();
		assertThat(graph.cycleClosedBy(path("css/c.css"), path("css/a.css")))
			.containsExactlyElementsOf(paths("css/a.css", "css/b.css", "css/c.css", "css/a.css"));
		assertThat(graph.cycleClosedBy(path("css/a.css"), path("css/b.css"))).isNull();
		assertThat(graph.cycleClosedBy(path("css/b.css"), path("css/c.css"))).isNull();
		assertThat(graph.order()).containsExactlyElementsOf(paths("css/c.css", "css/b.css", "css/a.css"));
	}

	@Test
	void reportsAFileReferencingItselfAsACycle() {
		refs("css/a.css", "css/a.css", "img/x.png");
		DependencyGraph graph = graph();
		assertThat(graph.cycleClosedBy(path("css/a.css"), path("css/a.css")))
			.containsExactlyElementsOf(paths("css/a.css", "css/a.css"));
		assertThat(graph.order()).containsExactlyElementsOf(paths("img/x.png", "css/a.css"));
	}

	@Test
	void ordersEveryAssetExactlyOnceAroundACycleAndStillOrdersTheRest() {
		// a.css -> b.css -> c.css -> a.css, each also using an image; entry.css imports the cycle
		refs("css/entry.css", "css/a.css")
			.refs("css/a.css", "css/b.css", "img/a.png")
			.refs("css/b.css", "css/c.css", "img/b.png")
			.refs("css/c.css", "css/a.css", "img/c.png")
			.refs("js/app.js");
		DependencyGraph graph = graph();
		List<AssetPath> order = graph.order();
		assertThat(order).hasSameSizeAs(this.references.keySet())
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(this.references.keySet());
		assertComesBefore(order, "img/a.png", "css/a.css");
		assertComesBefore(order, "img/b.png", "css/b.css");
		assertComesBefore(order, "img/c.png", "css/c.css");
		assertComesBefore(order, "css/c.css", "css/b.css");
		assertComesBefore(order, "css/b.css", "css/a.css");
		assertComesBefore(order, "css/a.css", "css/entry.css");
		assertThat(graph.cycleClosedBy(path("css/c.css"), path("css/a.css")))
			.containsExactlyElementsOf(paths("css/a.css", "css/b.css", "css/c.css", "css/a.css"));
	}

	@Test
	void breaksEveryEdgeOfTwoCyclesSharingAFileOnlyOnce() {
		// a <-> b and a <-> c: two cycles through a
		refs("css/a.css", "css/b.css", "css/c.css").refs("css/b.css", "css/a.css").refs("css/c.css", "css/a.css");
		DependencyGraph graph = graph();
		assertThat(graph.cycleClosedBy(path("css/b.css"), path("css/a.css")))
			.containsExactlyElementsOf(paths("css/a.css", "css/b.css", "css/a.css"));
		assertThat(graph.cycleClosedBy(path("css/c.css"), path("css/a.css")))
			.containsExactlyElementsOf(paths("css/a.css", "css/c.css", "css/a.css"));
		assertThat(graph.order()).containsExactlyElementsOf(paths("css/b.css", "css/c.css", "css/a.css"));
	}

	/**
	 * The guarantee the builder relies on: for every reference that does not close a cycle, the
	 * target comes first. Checked on a graph with many interleaved cycles and shared files.
	 */
	@Test
	void ordersEveryNonCyclicReferenceTargetFirstInATangledGraph() {
		List<String> files = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			files.add(String.format("css/f%02d.css", i));
		}
		for (int i = 0; i < files.size(); i++) {
			// forwards by 1, 3 and 7, and back by 5: dense, with cycles of several lengths
			refs(files.get(i), files.get((i + 1) % 30), files.get((i + 3) % 30), files.get((i + 7) % 30),
					files.get((i + 25) % 30), "img/shared.png");
		}
		DependencyGraph graph = graph();
		List<AssetPath> order = graph.order();
		assertThat(order).hasSize(31).doesNotHaveDuplicates();
		int cyclic = 0;
		for (var entry : this.references.entrySet()) {
			for (AssetPath target : entry.getValue()) {
				List<AssetPath> cycle = graph.cycleClosedBy(entry.getKey(), target);
				if (cycle == null) {
					assertComesBefore(order, target.toString(), entry.getKey().toString());
				}
				else {
					cyclic++;
					assertThat(cycle.get(0)).isEqualTo(target);
					assertThat(cycle.get(cycle.size() - 1)).isEqualTo(target);
					assertThat(cycle.get(cycle.size() - 2)).isEqualTo(entry.getKey());
					for (int i = 0; i + 1 < cycle.size(); i++) {
						assertThat(this.references.get(cycle.get(i))).contains(cycle.get(i + 1));
					}
				}
			}
		}
		assertThat(cyclic).isPositive();
	}

	// levels

	@Test
	void putsFilesThatReferenceNoneInTheFirstLevel() {
		refs("js/app.js").refs("css/b.css").refs("img/a.png");
		assertThat(graph().levels()).containsExactly(paths("css/b.css", "img/a.png", "js/app.js"));
	}

	@Test
	void putsEveryFileOneLevelAboveTheDeepestFileItReferences() {
		// a -> b -> c -> x, and a -> d -> x: d only needs x, a needs b
		refs("css/a.css", "css/b.css", "css/d.css").refs("css/b.css", "css/c.css").refs("css/c.css", "img/x.png")
			.refs("css/d.css", "img/x.png");
		assertThat(graph().levels()).containsExactly(paths("img/x.png"), paths("css/c.css", "css/d.css"),
				paths("css/b.css"), paths("css/a.css"));
	}

	@Test
	void aReferenceThatClosesACycleDoesNotRaiseALevel() {
		refs("css/a.css", "css/b.css").refs("css/b.css", "css/a.css", "img/x.png");
		assertThat(graph().levels()).containsExactly(paths("img/x.png"), paths("css/b.css"), paths("css/a.css"));
	}

	@Test
	void aFileThatReferencesItselfStaysWhereItsOtherReferencesPutIt() {
		refs("css/a.css", "css/a.css", "img/x.png");
		assertThat(graph().levels()).containsExactly(paths("img/x.png"), paths("css/a.css"));
	}

	@Test
	void aReferenceToAFileOutsideTheGraphDoesNotRaiseALevel() {
		this.references.put(path("css/a.css"), paths("img/missing.png"));
		assertThat(graph().levels()).containsExactly(paths("css/a.css"));
	}

	@Test
	void levelsHoldEveryFileOnceInOrderEachAboveWhatItReferencesInATangledGraph() {
		for (int i = 0; i < 30; i++) {
			refs(String.format("css/f%02d.css", i), String.format("css/f%02d.css", (i + 1) % 30),
					String.format("css/f%02d.css", (i + 7) % 30), String.format("css/f%02d.css", (i + 25) % 30),
					"img/shared.png");
		}
		DependencyGraph graph = graph();
		List<List<AssetPath>> levels = graph.levels();
		assertThat(levels.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(graph.order());
		for (var entry : this.references.entrySet()) {
			for (AssetPath target : entry.getValue()) {
				if (graph.cycleClosedBy(entry.getKey(), target) == null) {
					assertThat(levelOf(levels, target)).as("%s below %s", target, entry.getKey())
						.isLessThan(levelOf(levels, entry.getKey()));
				}
			}
		}
	}

	private static int levelOf(List<List<AssetPath>> levels, AssetPath asset) {
		for (int i = 0; i < levels.size(); i++) {
			if (levels.get(i).contains(asset)) {
				return i;
			}
		}
		throw new AssertionError(asset + " is in no level");
	}

}
