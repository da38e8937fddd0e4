package io.github.assetbust.core.rewrite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.HashedName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceRewriterTests {

	/** The rewriter writes whatever name it is given; it never checks a digest. */
	private static final String DIGEST = "0123456789abcdef0123456789abcdef";

	private static final Function<AssetPath, AssetPath> HASHED = (asset) -> HashedName.of(asset, DIGEST);

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

	private void write(String path, byte[] content) throws IOException {
		TestFiles.write(this.root, path, content);
	}

	private RewritePlan plan(String... assets) {
		Set<AssetPath> set = new TreeSet<>();
		Arrays.stream(assets).map(AssetPath::of).forEach(set::add);
		return new ReferencePlanner(this.root, set).plan();
	}

	private byte[] rewrite(RewritePlan plan, String asset) throws IOException {
		return rewrite(plan, asset, HASHED);
	}

	private byte[] rewrite(RewritePlan plan, String asset, Function<AssetPath, AssetPath> hashed) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new ReferenceRewriter(this.root).rewrite(plan.toRewrite().get(AssetPath.of(asset)), hashed, out);
		return out.toByteArray();
	}

	private String rewritten(RewritePlan plan, String asset) throws IOException {
		return new String(rewrite(plan, asset), StandardCharsets.UTF_8);
	}

	@Test
	void writesTheFileWithEveryPlannedReferencePointingAtItsHashedCopy() throws IOException {
		write("img/x.png", "png");
		write("css/b.css", "b{}");
		write("css/a.css", "@import \"b.css\";\na { background: url(../img/x.png) }\n");
		RewritePlan plan = plan("css/a.css", "css/b.css", "img/x.png");
		assertThat(rewritten(plan, "css/a.css")).isEqualTo(
				"@import \"b-" + DIGEST + ".css\";\na { background: url(../img/x-" + DIGEST + ".png) }\n");
	}

	@Test
	void keepsTheQueryAndFragmentAsWritten() throws IOException {
		write("fonts/f.eot", "eot");
		write("css/a.css", "@font-face { src: url('../fonts/f.eot?v=4.7.0#iefix') format('embedded-opentype') }");
		RewritePlan plan = plan("css/a.css", "fonts/f.eot");
		assertThat(rewritten(plan, "css/a.css")).isEqualTo("@font-face { src: url('../fonts/f-" + DIGEST
				+ ".eot?v=4.7.0#iefix') format('embedded-opentype') }");
	}

	@Test
	void keepsTheAuthorsEscapingOfTheName() throws IOException {
		write("img/my logo.png", "png");
		write("css/a.css", "a { background: url(../img/my%20logo.png) }\nb { background: url(\"../img/my\\ logo.png\") }");
		RewritePlan plan = plan("css/a.css", "img/my logo.png");
		assertThat(rewritten(plan, "css/a.css")).isEqualTo("a { background: url(../img/my%20logo-" + DIGEST
				+ ".png) }\nb { background: url(\"../img/my\\ logo-" + DIGEST + ".png\") }");
	}

	@Test
	void leavesEveryOtherByteAsItWasEvenBytesThatAreNotUtf8() throws IOException {
		write("img/x.png", "png");
		byte[] before = "/* \u00ff\u00fe */\r\na { background: url(../img/x.png) }\r\nb { background: url(data:,x) }\r\n"
			.getBytes(StandardCharsets.ISO_8859_1);
		write("css/a.css", before);
		RewritePlan plan = plan("css/a.css", "img/x.png");
		byte[] expected = new String(before, StandardCharsets.ISO_8859_1)
			.replace("../img/x.png", "../img/x-" + DIGEST + ".png")
			.getBytes(StandardCharsets.ISO_8859_1);
		assertThat(rewrite(plan, "css/a.css")).isEqualTo(expected);
	}

	@Test
	void rewritesEveryReferenceButTheOnesThatCloseACycle() throws IOException {
		write("img/x.png", "png");
		write("css/a.css", "@import \"b.css\";\n.a { background: url(../img/x.png) }");
		write("css/b.css", "@import \"a.css\";\n.b { background: url(../img/x.png) }");
		RewritePlan plan = plan("css/a.css", "css/b.css", "img/x.png");
		assertThat(rewritten(plan, "css/b.css"))
			.isEqualTo("@import \"a.css\";\n.b { background: url(../img/x-" + DIGEST + ".png) }");
	}

	@Test
	void rewritesALargeFileItMapsLikeASmallOne() throws IOException {
		write("img/x.png", "png");
		String filler = ".c { margin: 0 }\n".repeat(200_000);
		write("css/a.css", "a { background: url(../img/x.png) }\n" + filler + "b { background: url(../img/x.png) }\n");
		RewritePlan plan = plan("css/a.css", "img/x.png");
		assertThat(rewritten(plan, "css/a.css")).isEqualTo("a { background: url(../img/x-" + DIGEST + ".png) }\n"
				+ filler + "b { background: url(../img/x-" + DIGEST + ".png) }\n");
	}

	@Test
	void refusesAFileThatChangedSinceItWasPlannedNamingIt() throws IOException {
		write("img/x.png", "png");
		write("css/a.css", "a { background: url(../img/x.png) }");
		RewritePlan plan = plan("css/a.css", "img/x.png");
		write("css/a.css", "/* moved */ a { background: url(../img/x.png) }");
		assertThatThrownBy(() -> rewrite(plan, "css/a.css")).isInstanceOf(AssetbustException.class)
			.hasMessage("css/a.css in " + this.root
					+ " changed while it was being built, so its references may have moved; build again");
	}

	@Test
	void refusesToRewriteAFileBeforeWhatItReferencesIsHashed() throws IOException {
		write("img/x.png", "png");
		write("css/a.css", "a { background: url(../img/x.png) }");
		RewritePlan plan = plan("css/a.css", "img/x.png");
		assertThatThrownBy(() -> rewrite(plan, "css/a.css", (asset) -> null)).isInstanceOf(IllegalStateException.class)
			.hasMessage("Asset img/x.png was not hashed before css/a.css");
	}

}
