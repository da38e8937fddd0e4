package io.github.assetbust.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same input gives byte-identical output whatever order its files were created in, and
 * whatever the thread count.
 */
class DeterminismIT {

	private static final Pattern DIGEST = Pattern.compile("-([0-9a-f]{32})(?=\\.|$)");

	@TempDir
	Path work;

	@Test
	void sameTreeInAnotherFolderAndOrderWithOtherThreadCountsGivesTheSameBytes() throws IOException {
		Map<String, byte[]> site = Trees.site(42, 10);
		assertThat(site).hasSizeGreaterThan(300);
		Path ordered = this.work.resolve("ordered/site");
		Path shuffled = this.work.resolve("elsewhere/shuffled-site");
		Trees.write(ordered, site);
		Trees.writeShuffled(shuffled, site, 7);

		Cli.Run one = Cli.run(this.work, "build", "--root", "ordered/site", "--reproducible", "--threads", "1").exits(0);
		Cli.Run four = Cli.run(this.work, "build", "--root", "elsewhere/shuffled-site", "--reproducible", "--threads", "4")
			.exits(0);

		assertThat(one.err()).isEmpty();
		assertThat(four.err()).isEmpty();
		int assets = site.size();
		assertThat(one.out()).startsWith(assets + " assets hashed (" + assets + " copies written, 0 unchanged), ");
		assertThat(four.out().replaceAll("in \\d+ ms", "")).isEqualTo(one.out().replaceAll("in \\d+ ms", ""));

		Map<String, Path> left = outputs(ordered);
		Map<String, Path> right = outputs(shuffled);
		assertThat(right.keySet()).isEqualTo(left.keySet());
		assertThat(left).hasSize(2 * assets + 1).containsKey("asset-manifest.json");
		for (Map.Entry<String, Path> file : left.entrySet()) {
			assertThat(Files.readAllBytes(right.get(file.getKey()))).as(file.getKey())
				.isEqualTo(Files.readAllBytes(file.getValue()));
		}

		Manifest manifest = ManifestStore.read(ordered.resolve("asset-manifest.json"));
		assertThat(manifest.generated()).isNull();
		assertThat(manifest.size()).isEqualTo(assets);
		for (ManifestEntry entry : manifest.assets().values()) {
			Matcher digest = DIGEST.matcher(entry.path().fileName());
			assertThat(digest.find()).as(entry.path().toString()).isTrue();
			assertThat(md5(ordered.resolve(entry.path().toString()))).as("the digest in the name of %s", entry.path())
				.isEqualTo(digest.group(1));
		}
		String rewritten = Files.readString(ordered.resolve(manifest.assets()
			.get(AssetPath.of("css/s0/components/style0.css"))
			.path()
			.toString()));
		assertThat(rewritten).as("references point at hashed copies").containsPattern("url\\([\"']?\\.\\./\\.\\./\\.\\./img/.*-[0-9a-f]{32}\\.(png|svg)");

		Cli.run(this.work, "check", "--root", "elsewhere/shuffled-site").exits(0);
	}

	/** Every file of the tree but the state files, which record inodes and times by design. */
	private static Map<String, Path> outputs(Path root) {
		Map<String, Path> files = Trees.list(root);
		assertThat(files.keySet()).contains(".asset-manifest.json.cache.json", ".asset-manifest.json.generations.json");
		files.keySet().removeIf((path) -> path.startsWith(".asset-manifest.json."));
		return files;
	}

	private static String md5(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest md5 = MessageDigest.getInstance("MD5");
			byte[] buffer = new byte[8192];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				md5.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(md5.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
