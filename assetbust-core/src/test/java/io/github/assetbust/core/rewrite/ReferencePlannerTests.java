package io.github.assetbust.core.rewrite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.files.FileStamp;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferencePlannerTests {

	private static final byte[] LOGO = { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 };

	@TempDir
	Path temp;

	Path root;

	@BeforeEach
	void createRoot() throws IOException {
		this.root = Files.createDirectory(this.temp.resolve("root")).toRealPath();
	}

	private void write(String path, String content) throws IOException {
		TestFiles.write(this.root, path, content);
	}

	private static AssetPath path(String path) {
		return AssetPath.of(path);
	}

	private static Set<AssetPath> assets(String... paths) {
		Set<AssetPath> assets = new TreeSet<>();
		Arrays.stream(paths).map(AssetPath::of).forEach(assets::add);
		return assets;
	}

	private RewritePlan plan(String... assets) {
		return new ReferencePlanner(this.root, assets(assets)).plan();
	}

	@Test
	void plansToPointAReferenceToAnotherAssetAtItsHashedCopy() throws IOException {
		TestFiles.write(this.root, "img/x.png", LOGO);
		write("css/a.css", ".a { background: url(../img/x.png); }");
		RewritePlan plan = plan("css/a.css", "img/x.png");
		assertThat(plan.outcomes()).containsEntry(path("css/a.css"), Map.of(ReferenceOutcome.REWRITTEN, 1));
		assertThat(plan.toRewrite().get(path("css/a.css")).references()).singleElement()
			.satisfies((link) -> assertThat(link.target().path()).isEqualTo(path("img/x.png")));
		assertThat(plan.report().problems()).isEmpty();
	}

	@Test
	void leavesDataExternalAndFragmentOnlyReferencesAloneWithoutReportingThem() throws IOException {
		write("css/a.css", ".b { background: url(data:image/png;base64,AAAA); }\n"
				+ ".c { background: url(https://cdn.example.com/x.png); }\n"
				+ ".d { background: url(//cdn.example.com/y.png); }\n" + ".e { filter: url(#shadow); }\n");
		RewritePlan plan = plan("css/a.css");
		assertThat(plan.outcomes().get(path("css/a.css"))).isEqualTo(Map.of(ReferenceOutcome.DATA_URI, 1,
				ReferenceOutcome.EXTERNAL, 2, ReferenceOutcome.FRAGMENT_ONLY, 1));
		assertThat(plan.toRewrite()).isEmpty();
		assertThat(plan.report().problems()).isEmpty();
	}

	@Test
	void leavesAReferenceToAFileThatIsNoAssetAsWrittenWithoutReportingIt() throws IOException {
		TestFiles.write(this.root, "img/excluded.png", LOGO);
		TestFiles.write(this.root, "img/.hidden.png", LOGO);
		write("css/a.css", ".a { background: url(../img/excluded.png); }\n.b { background: url(../img/.hidden.png); }");
		RewritePlan plan = plan("css/a.css");
		assertThat(plan.outcomes().get(path("css/a.css"))).isEqualTo(Map.of(ReferenceOutcome.NOT_AN_ASSET, 2));
		assertThat(plan.toRewrite()).isEmpty();
		assertThat(plan.report().problems()).isEmpty();
	}

	@Test
	void reportsAReferenceToAMissingFileWithItsFileLineAndUrl() throws IOException {
		write("css/a.css", "a {}\n\n.f { background: url('../img/missing.png?v=2'); }");
		RewritePlan plan = plan("css/a.css");
		assertThat(plan.outcomes().get(path("css/a.css"))).isEqualTo(Map.of(ReferenceOutcome.MISSING, 1));
		assertThat(plan.report().problems()).containsExactly(new ReferenceProblem(path("css/a.css"), 3,
				"../img/missing.png?v=2", ReferenceOutcome.MISSING, "points at img/missing.png, which does not exist"));
	}

	@Test
	void reportsAReferenceThatClimbsOutOfTheRoot() throws IOException {
		write("css/a.css", ".g { background: url(../../../etc/passwd); }");
		RewritePlan plan = plan("css/a.css");
		assertThat(plan.report().problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.outcome()).isEqualTo(ReferenceOutcome.OUTSIDE_ROOT);
			assertThat(problem.detail()).isEqualTo("points outside the asset root; it is never followed");
		});
	}

	@Test
	void reportsAReferenceThatLeadsThroughALinkOutOfTheRoot() throws IOException {
		Path outside = Files.createDirectory(this.temp.resolve("outside"));
		TestFiles.write(outside, "x.png", LOGO);
		Files.createDirectories(this.root.resolve("css"));
		Files.createSymbolicLink(this.root.resolve("css/vendor"), outside);
		write("css/a.css", ".v { background: url(vendor/x.png); }");
		RewritePlan plan = plan("css/a.css");
		assertThat(plan.report().problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.outcome()).isEqualTo(ReferenceOutcome.OUTSIDE_ROOT);
			assertThat(problem.detail()).isEqualTo("leads through a link out of the asset root; it is never followed");
		});
	}

	@Test
	void reportsTheReferenceThatClosesACycleAndPlansTheOtherOne() throws IOException {
		write("css/a.css", "@import \"b.css\";");
		write("css/b.css", "@import \"a.css\";");
		RewritePlan plan = plan("css/a.css", "css/b.css");
		assertThat(plan.outcomes()).containsEntry(path("css/a.css"), Map.of(ReferenceOutcome.REWRITTEN, 1))
			.containsEntry(path("css/b.css"), Map.of(ReferenceOutcome.CYCLE, 1));
		assertThat(plan.toRewrite()).containsOnlyKeys(path("css/a.css"));
		assertThat(plan.report().problems()).containsExactly(new ReferenceProblem(path("css/b.css"), 1, "a.css",
				ReferenceOutcome.CYCLE, "closes the reference cycle css/a.css -> css/b.css -> css/a.css; "
						+ "it keeps pointing at the unhashed css/a.css"));
	}

	@Test
	void putsEveryAssetOneLevelAboveTheDeepestAssetItReferences() throws IOException {
		TestFiles.write(this.root, "img/x.png", LOGO);
		write("css/b.css", ".b { background: url(../img/x.png); }");
		write("css/a.css", "@import \"b.css\";\n.a { background: url(../img/x.png); }");
		write("js/app.js", "console.log(1);");
		RewritePlan plan = plan("css/a.css", "css/b.css", "img/x.png", "js/app.js");
		assertThat(plan.levels()).containsExactly(List.of(path("img/x.png"), path("js/app.js")),
				List.of(path("css/b.css")), List.of(path("css/a.css")));
		assertThat(plan.size()).isEqualTo(4);
	}

	@Test
	void remembersTheStampOfEachFileItPlansToRewrite() throws IOException {
		TestFiles.write(this.root, "img/x.png", LOGO);
		write("css/a.css", ".a { background: url(../img/x.png); }");
		RewritePlan plan = plan("css/a.css", "img/x.png");
		assertThat(plan.toRewrite().get(path("css/a.css")).stamp()).isNotNull()
			.isEqualTo(FileStamp.of(this.root.resolve("css/a.css")));
	}

	@Test
	void readsOnlyStylesheetsAndScripts() throws IOException {
		write("index.html", "<div style=\"background: url(img/missing.png)\"></div>");
		write("img/x.svg", "<svg><style>a { background: url(missing.png); }</style></svg>");
		write("js/app.js", "console.log(1);\n//# sourceMappingURL=app.js.map\n");
		write("js/app.js.map", "{}");
		RewritePlan plan = plan("index.html", "img/x.svg", "js/app.js", "js/app.js.map");
		assertThat(plan.outcomes()).containsEntry(path("index.html"), Map.of())
			.containsEntry(path("img/x.svg"), Map.of())
			.containsEntry(path("js/app.js"), Map.of(ReferenceOutcome.REWRITTEN, 1));
		assertThat(plan.report().problems()).isEmpty();
	}

	@Test
	void doesNotReadAnAssetWhoseOutcomesAreKnown() throws IOException {
		// not even there any more: reading it would fail the plan
		Map<AssetPath, KnownReferences> known = Map.of(path("css/old.css"),
				new KnownReferences(Map.of(ReferenceOutcome.DATA_URI, 2), List.of()));
		RewritePlan plan = new ReferencePlanner(this.root, assets("css/old.css")).plan(known);
		assertThat(plan.outcomes()).isEqualTo(Map.of(path("css/old.css"), Map.of(ReferenceOutcome.DATA_URI, 2)));
		assertThat(plan.levels()).containsExactly(List.of(path("css/old.css")));
	}

	@Test
	void ordersAnAssetItDoesNotReadAfterTheTargetsItIsKnownToHave() throws IOException {
		write("img/x.png", "png");
		Map<AssetPath, KnownReferences> known = Map.of(path("css/old.css"),
				new KnownReferences(Map.of(ReferenceOutcome.REWRITTEN, 1), List.of(path("img/x.png"))));
		RewritePlan plan = new ReferencePlanner(this.root, assets("css/old.css", "img/x.png")).plan(known);
		assertThat(plan.levels()).containsExactly(List.of(path("img/x.png")), List.of(path("css/old.css")));
		assertThat(plan.toRewrite()).isEmpty();
		assertThat(plan.targets()).containsEntry(path("css/old.css"), List.of(path("img/x.png")));
	}

	@Test
	void countsKnownOutcomesWithTheOnesItReads() throws IOException {
		write("css/new.css", ".c { background: url(https://cdn.example.com/x.png); }");
		write("css/old.css", ".d { background: url(../img/missing.png); }");
		RewritePlan plan = new ReferencePlanner(this.root, assets("css/new.css", "css/old.css"))
			.plan(Map.of(path("css/old.css"),
					new KnownReferences(Map.of(ReferenceOutcome.EXTERNAL, 2, ReferenceOutcome.DATA_URI, 1), List.of())));
		assertThat(plan.report().count(ReferenceOutcome.EXTERNAL)).isEqualTo(3);
		assertThat(plan.report().count(ReferenceOutcome.DATA_URI)).isEqualTo(1);
		assertThat(plan.report().count(ReferenceOutcome.MISSING)).as("what old.css says now is not read").isZero();
	}

	@Test
	void namesAnAssetItCannotRead() {
		assertThatThrownBy(() -> plan("css/gone.css")).isInstanceOf(AssetbustException.class)
			.hasMessageContaining("Cannot read css/gone.css in " + this.root);
	}

}
