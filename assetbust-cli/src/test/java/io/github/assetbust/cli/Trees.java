package io.github.assetbust.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Asset trees for the tests: described as path to bytes, written in any order, read back. */
final class Trees {

	private Trees() {
	}

	/**
	 * A site of a few hundred files, the same for the same seed: images and fonts in nested
	 * folders, stylesheets whose url()s and @imports cross folders (with quotes, ?query and
	 * #fragment, data: and external URLs left alone), scripts with source maps, binary files.
	 * Every reference resolves.
	 */
	static Map<String, byte[]> site(long seed, int scale) {
		Random random = new Random(seed);
		Map<String, byte[]> files = new LinkedHashMap<>();
		List<String> images = new ArrayList<>();
		for (int i = 0; i < 12 * scale; i++) {
			String path = "img/g" + (i % 5) + ((i % 3 == 0) ? "/nested/deeper" : "") + "/pic" + i
					+ ((i % 4 == 0) ? ".svg" : ".png");
			files.put(path, path.endsWith(".svg")
					? ("<svg xmlns=\"http://www.w3.org/2000/svg\"><title>" + i + "</title></svg>\n")
						.getBytes(StandardCharsets.UTF_8)
					: bytes(random, 64 + random.nextInt(3000)));
			images.add(path);
		}
		for (int i = 0; i < 2 * scale; i++) {
			files.put("fonts/icons" + i + ".woff2", bytes(random, 500 + random.nextInt(2000)));
		}
		List<String> sheets = new ArrayList<>();
		for (int i = 0; i < 6 * scale; i++) {
			String path = "css/s" + (i % 4) + ((i % 5 == 0) ? "/components" : "") + "/style" + i + ".css";
			StringBuilder css = new StringBuilder("/* sheet " + i + " */\n");
			if (!sheets.isEmpty() && i % 3 == 0) {
				css.append("@import \"").append(relative(path, sheets.get(random.nextInt(sheets.size())))).append("\";\n");
			}
			for (int r = 0; r < 1 + random.nextInt(4); r++) {
				String image = images.get(random.nextInt(images.size()));
				String url = relative(path, image) + switch (r % 4) {
					case 1 -> "?v=" + r;
					case 2 -> "#frag";
					default -> "";
				};
				String quoted = switch (random.nextInt(3)) {
					case 0 -> url;
					case 1 -> "'" + url + "'";
					default -> "\"" + url + "\"";
				};
				css.append(".c").append(i).append('-').append(r).append(" {\n  background: url(").append(quoted)
					.append(") no-repeat;\n}\n");
			}
			if (i % 7 == 0) {
				css.append("@font-face { font-family: i").append(i).append("; src: url(")
					.append(relative(path, "fonts/icons" + (i % (2 * scale)) + ".woff2")).append(") format('woff2'); }\n");
				css.append(".ext { background: url(https://cdn.example.com/x.png), url(data:image/png;base64,AAAA); }\n");
			}
			files.put(path, css.toString().getBytes(StandardCharsets.UTF_8));
			sheets.add(path);
		}
		for (int i = 0; i < 6 * scale; i++) {
			String path = "js/m" + (i % 3) + "/module" + i + ".js";
			StringBuilder js = new StringBuilder("export const value" + i + " = " + random.nextInt() + ";\n");
			if (i % 4 == 0) {
				js.append("//# sourceMappingURL=module").append(i).append(".js.map\n");
				files.put(path + ".map", ("{\"version\":3,\"file\":\"module" + i + ".js\",\"sources\":[],\"mappings\":\"\"}")
					.getBytes(StandardCharsets.UTF_8));
			}
			files.put(path, js.toString().getBytes(StandardCharsets.UTF_8));
		}
		for (int i = 0; i < 3 * scale; i++) {
			files.put("data/bin" + (i % 2) + "/blob" + i + ".bin", bytes(random, random.nextInt(5000)));
		}
		files.put("index.html", "<!doctype html><link rel=stylesheet href=css/s0/style1.css>\n"
			.getBytes(StandardCharsets.UTF_8));
		return files;
	}

	/** Writes {@code files} under {@code root} in the order given. */
	static void write(Path root, Map<String, byte[]> files) {
		writeInOrder(root, files, new ArrayList<>(files.keySet()));
	}

	/** Writes {@code files} under {@code root} in a shuffled order. */
	static void writeShuffled(Path root, Map<String, byte[]> files, long seed) {
		List<String> order = new ArrayList<>(files.keySet());
		Collections.shuffle(order, new Random(seed));
		writeInOrder(root, files, order);
	}

	private static void writeInOrder(Path root, Map<String, byte[]> files, List<String> order) {
		try {
			for (String path : order) {
				Path file = root.resolve(path);
				Files.createDirectories(file.getParent());
				Files.write(file, files.get(path));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every regular file under {@code root}, by {@code /}-separated relative path. */
	static Map<String, Path> list(Path root) {
		Map<String, Path> files = new TreeMap<>();
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					if (attributes.isRegularFile()) {
						files.put(root.relativize(file).toString().replace('\\', '/'), file);
					}
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

	/** The path from the folder of {@code from} to {@code to}, both relative to the root. */
	static String relative(String from, String to) {
		return Path.of(from).getParent().relativize(Path.of(to)).toString().replace('\\', '/');
	}

	private static byte[] bytes(Random random, int size) {
		byte[] bytes = new byte[size];
		random.nextBytes(bytes);
		return bytes;
	}

}
