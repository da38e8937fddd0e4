package io.github.assetbust.core.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.DaemonThreads;
import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.digest.Digester;
import io.github.assetbust.core.files.Flusher;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.HashedName;
import io.github.assetbust.core.rewrite.ReferencePlanner;
import io.github.assetbust.core.rewrite.ReferenceRewriter;
import io.github.assetbust.core.rewrite.RewritePlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HashStageTests {

	private static final byte[] LOGO = { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 };

	private static final AssetBuilder.Progress NO_PROGRESS = (done, total) -> {
	};

	@TempDir
	Path temp;

	Path root;

	private final ExecutorService executor = Executors.newFixedThreadPool(4, DaemonThreads.named("test-hash"));

	private final Flusher flusher = new Flusher();

	@BeforeEach
	void createRoot() throws IOException {
		this.root = Files.createDirectory(this.temp.resolve("root")).toRealPath();
	}

	@AfterEach
	void stopThreads() {
		this.executor.shutdownNow();
		this.flusher.close();
	}

	private void write(String path, String content) throws IOException {
		TestFiles.write(this.root, path, content);
	}

	private static AssetPath path(String path) {
		return AssetPath.of(path);
	}

	private RewritePlan plan(String... assets) {
		Set<AssetPath> set = new TreeSet<>();
		Arrays.stream(assets).map(AssetPath::of).forEach(set::add);
		return new ReferencePlanner(this.root, set).plan();
	}

	private HashStage stage(AssetBuilder.Progress progress) {
		HashedCopyWriter writer = new HashedCopyWriter(this.root, new Digester(DigestAlgorithm.MD5), 32, Set.of(),
				this.flusher);
		return new HashStage(writer, new ReferenceRewriter(this.root), progress);
	}

	private HashStage.Hashed run(RewritePlan plan) {
		return run(plan, Map.of());
	}

	private HashStage.Hashed run(RewritePlan plan, Map<AssetPath, BuildCache.Entry> reusable) {
		return stage(NO_PROGRESS).run(plan, reusable, this.executor);
	}

	private String copyOf(HashStage.Hashed hashed, String asset) throws IOException {
		return Files.readString(hashed.entries().get(path(asset)).path().resolveAgainst(this.root));
	}

	@Test
	void hashesEveryLevelBeforeTheNextSoEveryReferencePointsAtAHashedCopy() throws IOException {
		List<String> assets = new ArrayList<>();
		StringBuilder icons = new StringBuilder();
		for (int i = 0; i < 40; i++) {
			TestFiles.write(this.root, "img/icon-" + i + ".png", ("icon " + i).getBytes(StandardCharsets.UTF_8));
			assets.add("img/icon-" + i + ".png");
			icons.append(".i").append(i).append(" { background: url(../img/icon-").append(i).append(".png) }\n");
		}
		write("css/icons.css", icons.toString());
		write("css/main.css", "@import \"icons.css\";\n");
		assets.addAll(List.of("css/icons.css", "css/main.css"));
		HashStage.Hashed hashed = run(plan(assets.toArray(String[]::new)));
		String iconsCopy = copyOf(hashed, "css/icons.css");
		for (int i = 0; i < 40; i++) {
			AssetPath icon = hashed.entries().get(path("img/icon-" + i + ".png")).path();
			assertThat(iconsCopy).contains("url(../img/" + icon.fileName() + ")");
		}
		assertThat(copyOf(hashed, "css/main.css"))
			.isEqualTo("@import \"" + hashed.entries().get(path("css/icons.css")).path().fileName() + "\";\n");
	}

	@Test
	void rewritesTheAssetsThePlanRewritesAndCopiesTheRestByteForByte() throws IOException {
		TestFiles.write(this.root, "img/x.png", LOGO);
		write("css/a.css", "a { background: url(../img/x.png) }");
		write("css/b.css", "b { background: url(https://cdn.example.com/x.png) }");
		HashStage.Hashed hashed = run(plan("css/a.css", "css/b.css", "img/x.png"));
		assertThat(copyOf(hashed, "css/a.css")).isEqualTo("a { background: url(../img/x-" + TestFiles.md5(LOGO) + ".png) }");
		assertThat(copyOf(hashed, "css/b.css")).isEqualTo("b { background: url(https://cdn.example.com/x.png) }");
		assertThat(hashed.entries().get(path("img/x.png")).path().resolveAgainst(this.root)).hasBinaryContent(LOGO);
	}

	@Test
	void namesEveryCopyAfterTheDigestOfItsOwnBytes() throws IOException {
		TestFiles.write(this.root, "img/x.png", LOGO);
		write("css/a.css", "a { background: url(../img/x.png) }");
		HashStage.Hashed hashed = run(plan("css/a.css", "img/x.png"));
		HashedName names = new HashedName(32);
		hashed.entries().forEach((asset, entry) -> {
			HashedName.Parsed parsed = names.parse(entry.path()).orElseThrow();
			assertThat(parsed.original()).isEqualTo(asset);
			assertThat(parsed.digest()).isEqualTo(TestFiles.md5(TestFiles.read(entry.path().resolveAgainst(this.root))));
		});
	}

	@Test
	void takesTheEntryOfAReusedAssetAsItIsWithoutReadingItAndCountsIt() throws IOException {
		TestFiles.write(this.root, "img/x.png", LOGO);
		write("css/a.css", "a { background: url(../img/x.png) }");
		// what the last build wrote for img/x.png, whatever it is now
		ManifestEntry known = new ManifestEntry(path("img/x-0123456789abcdef0123456789abcdef.png"), null, 7);
		HashStage.Hashed hashed = run(plan("css/a.css", "img/x.png"),
				Map.of(path("img/x.png"), new BuildCache.Entry("stamp", known, Map.of(), Map.of())));
		assertThat(hashed.entries().get(path("img/x.png"))).isSameAs(known);
		assertThat(this.root.resolve("img/x-" + TestFiles.md5(LOGO) + ".png")).doesNotExist();
		assertThat(copyOf(hashed, "css/a.css")).isEqualTo("a { background: url(../img/" + known.path().fileName() + ") }");
		assertThat(hashed.reused()).isEqualTo(1);
		assertThat(hashed.written()).isEqualTo(1);
	}

	@Test
	void countsTheCopiesItWroteAndTheirBytes() throws IOException {
		TestFiles.write(this.root, "img/x.png", LOGO);
		write("js/app.js", "console.log(1);");
		HashStage.Hashed hashed = run(plan("img/x.png", "js/app.js"));
		assertThat(hashed.written()).isEqualTo(2);
		assertThat(hashed.bytesWritten()).isEqualTo(LOGO.length + "console.log(1);".length());
		assertThat(hashed.reused()).isZero();
	}

	@Test
	void countsACopyFoundInPlaceAsNeitherWrittenNorReused() throws IOException {
		TestFiles.write(this.root, "img/x.png", LOGO);
		write("js/app.js", "console.log(1);");
		HashStage.Hashed first = run(plan("img/x.png", "js/app.js"));
		HashStage.Hashed again = run(plan("img/x.png", "js/app.js"));
		assertThat(again.entries()).isEqualTo(first.entries());
		assertThat(again.written()).isZero();
		assertThat(again.bytesWritten()).isZero();
		assertThat(again.reused()).isZero();
	}

	@Test
	void givesTheEntriesSortedByPath() throws IOException {
		write("js/app.js", "1");
		write("css/b.css", "b{}");
		write("css/a.css", "a{}");
		TestFiles.write(this.root, "img/x.png", LOGO);
		HashStage.Hashed hashed = run(plan("js/app.js", "img/x.png", "css/b.css", "css/a.css"));
		assertThat(hashed.entries().keySet()).containsExactly(path("css/a.css"), path("css/b.css"), path("img/x.png"),
				path("js/app.js"));
	}

	@Test
	void reportsEachAssetOnceItIsHashedOutOfAllOfThemReusedOnesToo() throws IOException {
		TestFiles.write(this.root, "img/x.png", LOGO);
		write("css/a.css", "a { background: url(../img/x.png) }");
		write("js/app.js", "1");
		List<String> reports = Collections.synchronizedList(new ArrayList<>());
		ManifestEntry known = new ManifestEntry(path("js/app-0123456789abcdef0123456789abcdef.js"), null, 1);
		stage((done, total) -> reports.add(done + "/" + total)).run(plan("css/a.css", "img/x.png", "js/app.js"),
				Map.of(path("js/app.js"), new BuildCache.Entry("stamp", known, Map.of(), Map.of())), this.executor);
		assertThat(reports).containsExactlyInAnyOrder("1/3", "2/3", "3/3");
	}

	@Test
	void failsOnAnAssetThatChangedSinceItWasPlannedNamingIt() throws IOException {
		TestFiles.write(this.root, "img/x.png", LOGO);
		write("css/a.css", "a { background: url(../img/x.png) }");
		RewritePlan plan = plan("css/a.css", "img/x.png");
		write("css/a.css", "/* edited */ a { background: url(../img/x.png) }");
		assertThatThrownBy(() -> run(plan)).isInstanceOf(AssetbustException.class)
			.hasMessageContaining("css/a.css in " + this.root + " changed while it was being built");
	}

}
