package io.github.assetbust.sample;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.retention.Retention;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Version 2 of the sample's assets, the change a release makes: another accent colour in
 * {@code css/main.css} and a redrawn {@code img/stripes.png}, which the stylesheet references.
 * Made in a folder (a shared root), or as a jar built the way {@code mvn package} builds one.
 */
final class VersionTwo {

	private static final String CLASSES = "BOOT-INF/classes/";

	private static final String STATIC = CLASSES + "static/";

	/** The variants the sample's pom has the Maven goal write; checked against the packaged jar. */
	private static final List<String> COMPRESS = List.of("gzip", "br");

	static {
		// the image is drawn with java.awt, which needs no display
		System.setProperty("java.awt.headless", "true");
	}

	private VersionTwo() {
	}

	/** Copies the files of {@code from} into {@code to}, as a deploy copies sources onto a server. */
	static void copy(Path from, Path to) throws IOException {
		assertThat(from).isDirectory();
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
			}
		}
	}

	/** A visible change: another accent colour and a darker hero. */
	static void changeMainCss(Path root) throws IOException {
		Path css = root.resolve("css/main.css");
		String original = Files.readString(css, StandardCharsets.UTF_8);
		String changed = original.replace("--accent: #4f46e5;", "--accent: #db2777;")
			.replace(".hero h1 { margin-top: 0;", ".hero h1 { margin-top: 0; color: var(--accent);");
		assertThat(changed).isNotEqualTo(original).contains("#db2777");
		Files.writeString(css, "/* version 2 */\n" + changed, StandardCharsets.UTF_8);
	}

	/** The tile main.css references, redrawn in other colours. */
	static void changeStripesImage(Path root) throws IOException {
		BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
		Graphics2D graphics = image.createGraphics();
		try {
			graphics.setColor(new Color(0xfd, 0xf2, 0xf8));
			graphics.fillRect(0, 0, 16, 16);
			graphics.setColor(new Color(0xfb, 0xcf, 0xe8));
			for (int x = -16; x < 16; x += 4) {
				graphics.drawLine(x, 16, x + 16, 0);
			}
		}
		finally {
			graphics.dispose();
		}
		Path png = root.resolve("img/stripes.png");
		byte[] before = Files.readAllBytes(png);
		assertThat(ImageIO.write(image, "png", png.toFile())).isTrue();
		assertThat(Files.readAllBytes(png)).isNotEqualTo(before);
	}

	/**
	 * Version 2 of {@code v1Jar} as {@code mvn clean package} would build it after the change:
	 * the originals of {@code BOOT-INF/classes/static/}, changed, then hashed by the Maven goal's
	 * build (core's {@link AssetBuilder} with the goal's options) into new hashed copies, variants
	 * and manifest, written into a copy of the jar in {@code work}. The goal's options are first
	 * checked to give back the packaged jar's exact files from its unchanged originals.
	 * @return the version 2 jar
	 */
	static Path jar(Path v1Jar, Path work) throws IOException {
		Path originals = work.resolve("static");
		String manifestName;
		byte[] packagedManifest;
		Map<String, byte[]> packagedStatic = new TreeMap<>();
		try (ZipFile jar = new ZipFile(v1Jar.toFile())) {
			manifestName = manifestEntry(jar).getName();
			packagedManifest = bytes(jar, manifestEntry(jar));
			Set<String> generated = new HashSet<>();
			for (String hashed : manifest(packagedManifest).values()) {
				generated.add(hashed);
				generated.add(hashed + ".gz");
				generated.add(hashed + ".br");
			}
			for (ZipEntry entry : Collections.list(jar.entries())) {
				if (entry.getName().startsWith(STATIC) && !entry.isDirectory()) {
					String path = entry.getName().substring(STATIC.length());
					byte[] content = bytes(jar, entry);
					packagedStatic.put(path, content);
					if (!generated.contains(path)) {
						Path original = originals.resolve(path);
						Files.createDirectories(original.getParent());
						Files.write(original, content);
					}
				}
			}
		}

		Path check = work.resolve("check");
		copy(originals, check.resolve("static"));
		Path checkManifest = goalBuild(check.resolve("static"), check);
		assertThat(Files.readAllBytes(checkManifest)).as("the goal's build of the packaged originals: its manifest")
			.isEqualTo(packagedManifest);
		assertThat(md5s(files(check.resolve("static")))).as("the goal's build of the packaged originals: its static files")
			.isEqualTo(md5s(packagedStatic));

		changeMainCss(originals);
		changeStripesImage(originals);
		Path manifest = goalBuild(originals, work);

		Path v2Jar = work.resolve("assetbust-sample-app-v2.jar");
		try (ZipFile in = new ZipFile(v1Jar.toFile()); OutputStream file = Files.newOutputStream(v2Jar);
				ZipOutputStream out = new ZipOutputStream(file)) {
			Set<String> written = new HashSet<>();
			for (ZipEntry entry : Collections.list(in.entries())) {
				String name = entry.getName();
				if (name.startsWith(STATIC) && !entry.isDirectory()) {
					continue;
				}
				if (name.equals(manifestName)) {
					putDeflated(out, name, Files.readAllBytes(manifest));
				}
				else {
					// stored entries (the nested jars, which Boot's loader needs stored) keep their sizes and CRC
					ZipEntry copy = new ZipEntry(entry);
					if (copy.getMethod() == ZipEntry.DEFLATED) {
						copy.setCompressedSize(-1);
					}
					out.putNextEntry(copy);
					try (InputStream content = in.getInputStream(entry)) {
						content.transferTo(out);
					}
					out.closeEntry();
				}
				written.add(name);
			}
			for (Map.Entry<String, byte[]> built : files(originals).entrySet()) {
				String name = STATIC + built.getKey();
				for (int slash = name.indexOf('/', STATIC.length()); slash >= 0; slash = name.indexOf('/', slash + 1)) {
					String folder = name.substring(0, slash + 1);
					if (written.add(folder)) {
						out.putNextEntry(new ZipEntry(folder));
						out.closeEntry();
					}
				}
				putDeflated(out, name, built.getValue());
			}
		}
		return v2Jar;
	}

	/**
	 * Builds {@code root} as the sample's Maven goal does: reproducible, no earlier generation kept,
	 * the manifest and the build's state outside the folder, into {@code target}.
	 * @return the manifest
	 */
	private static Path goalBuild(Path root, Path target) {
		Path manifest = target.resolve("manifest.json");
		new AssetBuilder(BuildOptions.forRoot(root)
			.withManifest(manifest)
			.withAlgorithm(DigestAlgorithm.fromId("md5"))
			.withReproducible(true)
			.withStateDirectory(target.resolve("state"))
			.withRetention(new Retention(0, Duration.ZERO))
			.withCompress(Compression.parse(COMPRESS))).build();
		return manifest;
	}

	private static void putDeflated(ZipOutputStream out, String name, byte[] content) throws IOException {
		ZipEntry entry = new ZipEntry(name);
		entry.setMethod(ZipEntry.DEFLATED);
		out.putNextEntry(entry);
		out.write(content);
		out.closeEntry();
	}

	/** Every file under {@code folder}, by its {@code /}-separated path. */
	private static Map<String, byte[]> files(Path folder) throws IOException {
		Map<String, byte[]> files = new TreeMap<>();
		try (Stream<Path> walk = Files.walk(folder)) {
			for (Path file : walk.filter(Files::isRegularFile).toList()) {
				files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
			}
		}
		return files;
	}

	private static Map<String, String> md5s(Map<String, byte[]> files) {
		Map<String, String> md5s = new TreeMap<>();
		files.forEach((path, content) -> md5s.put(path, SampleSiteTests.md5(content)));
		return md5s;
	}

	/** The manifest's {@code assets}, read with plain Jackson: original path to hashed path. */
	static Map<String, String> manifest(Path file) throws IOException {
		return manifest(Files.readAllBytes(file));
	}

	/** The manifest packaged in {@code jar}. */
	static Map<String, String> packagedManifest(Path jar) throws IOException {
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			return manifest(bytes(zip, manifestEntry(zip)));
		}
	}

	private static Map<String, String> manifest(byte[] json) throws IOException {
		JsonNode assets = JsonMapper.builder().build().readTree(json).path("assets");
		Map<String, String> paths = new LinkedHashMap<>();
		assets.properties().forEach((entry) -> paths.put(entry.getKey(), entry.getValue().path("path").asText()));
		return paths;
	}

	/** Where repackage put the goal's manifest: at the jar's root or under its classes, never both. */
	private static ZipEntry manifestEntry(ZipFile jar) {
		List<ZipEntry> found = Stream.of(SiteClient.MANIFEST, CLASSES + SiteClient.MANIFEST)
			.map(jar::getEntry)
			.filter(Objects::nonNull)
			.toList();
		assertThat(found).as("the manifest in %s", jar.getName()).hasSize(1);
		return found.get(0);
	}

	private static byte[] bytes(ZipFile jar, ZipEntry entry) throws IOException {
		try (InputStream in = jar.getInputStream(entry)) {
			return in.readAllBytes();
		}
	}

}
