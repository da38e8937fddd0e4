package io.github.assetbust.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild where nothing changed writes nothing; changing one image rewrites exactly that image
 * and the stylesheet that references it.
 */
class IncrementalIT {

	private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

	@TempDir
	Path work;

	@Test
	void rebuildsOnlyWhatChanged() throws IOException {
		Map<String, byte[]> site = new LinkedHashMap<>(Trees.site(3, 4));
		Random random = new Random(11);
		byte[] image = new byte[1500];
		random.nextBytes(image);
		site.put("img/touched/target.png", image);
		site.put("css/touched/uses-target.css",
				".t {\n  background: url(\"../../img/touched/target.png\");\n}\n".getBytes(StandardCharsets.UTF_8));
		Path root = this.work.resolve("site");
		Trees.write(root, site);
		int assets = site.size();

		Cli.Run first = Cli.run(this.work, "build", "--root", "site").exits(0);
		assertThat(first.out()).startsWith(assets + " assets hashed (" + assets + " copies written, 0 unchanged)");
		Map<String, Map<String, Object>> built = snapshot(root);
		assertThat(built).containsKeys("asset-manifest.json", ".asset-manifest.json.cache.json",
				".asset-manifest.json.generations.json");
		Manifest before = ManifestStore.read(root.resolve("asset-manifest.json"));

		Cli.Run again = Cli.run(this.work, "build", "--root", "site").exits(0);

		assertThat(again.out()).startsWith(assets + " assets hashed (0 copies written, " + assets + " unchanged), ")
			.contains(", 0 bytes written, 0 stale copies removed, ");
		assertThat(again.err()).isEmpty();
		assertThat(snapshot(root)).as("no file written, replaced, added or removed").isEqualTo(built);

		Path target = root.resolve("img/touched/target.png");
		FileTime modified = Files.getLastModifiedTime(target);
		byte[] changed = image.clone();
		changed[700] ^= 0x5a;
		Files.write(target, changed);
		Files.setLastModifiedTime(target, FileTime.fromMillis(modified.toMillis() + 5_000));

		Cli.Run afterChange = Cli.run(this.work, "build", "--root", "site").exits(0);

		assertThat(afterChange.out())
			.startsWith(assets + " assets hashed (2 copies written, " + (assets - 2) + " unchanged), ");
		Manifest after = ManifestStore.read(root.resolve("asset-manifest.json"));
		assertThat(after.assets().keySet()).isEqualTo(before.assets().keySet());
		assertThat(changedEntries(before, after)).containsExactlyInAnyOrder("img/touched/target.png",
				"css/touched/uses-target.css");
		String css = Files.readString(root.resolve(hashed(after, "css/touched/uses-target.css")));
		assertThat(css).contains("url(\"../../" + hashed(after, "img/touched/target.png") + "\")");

		Map<String, Map<String, Object>> rebuilt = snapshot(root);
		Map<String, Map<String, Object>> expected = new HashMap<>(built);
		Set<String> rewritten = Set.of("asset-manifest.json", ".asset-manifest.json.cache.json",
				".asset-manifest.json.generations.json", ".asset-manifest.json.up-to-date.properties",
				"img/touched/target.png");
		expected.keySet().removeAll(rewritten);
		Map<String, Map<String, Object>> untouched = new HashMap<>(rebuilt);
		untouched.keySet().retainAll(expected.keySet());
		assertThat(untouched).as("every other file, original or hashed, left alone").isEqualTo(expected);
		Set<String> added = rebuilt.keySet()
			.stream()
			.filter((path) -> !built.containsKey(path))
			.collect(Collectors.toSet());
		assertThat(added).as("the two new hashed copies; the old ones stay for running servers")
			.containsExactlyInAnyOrder(hashed(after, "img/touched/target.png"),
					hashed(after, "css/touched/uses-target.css"));
		assertThat(root.resolve(hashed(before, "img/touched/target.png"))).exists();

		Cli.run(this.work, "check", "--root", "site").exits(0);
	}

	private static String hashed(Manifest manifest, String original) {
		return manifest.assets().get(AssetPath.of(original)).path().toString();
	}

	private static Set<String> changedEntries(Manifest before, Manifest after) {
		return before.assets()
			.entrySet()
			.stream()
			.filter((entry) -> {
				ManifestEntry now = after.assets().get(entry.getKey());
				return !now.path().equals(entry.getValue().path());
			})
			.map((entry) -> entry.getKey().toString())
			.collect(Collectors.toSet());
	}

	/** Every file's identity and times: a file rewritten in place or replaced by a rename shows. */
	private static Map<String, Map<String, Object>> snapshot(Path root) {
		Map<String, Map<String, Object>> snapshot = new TreeMap<>();
		Trees.list(root).forEach((path, file) -> {
			try {
				BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
				Map<String, Object> attributes = new TreeMap<>();
				attributes.put("size", basic.size());
				attributes.put("modified", basic.lastModifiedTime());
				attributes.put("created", basic.creationTime());
				attributes.put("key", String.valueOf(basic.fileKey()));
				if (UNIX) {
					// the inode's change time moves on any write, rename into place or metadata change
					attributes.putAll(Files.readAttributes(file, "unix:ino,ctime,nlink", LinkOption.NOFOLLOW_LINKS));
				}
				snapshot.put(path, attributes);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		return snapshot;
	}

}
