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

	/**
	 * {@link #site} plus {@code count} binary files of 16 KB up to {@code maxSize} bytes under
	 * {@code media/}, so that hashing them takes a while.
	 */
	static Map<String, byte[]> siteWithMedia(long seed, int scale, int count, int maxSize) {
		Map<String, byte[]> files = new LinkedHashMap<>(site(seed, scale));
		Random random = new Random(seed ^ 0x6d656469614cL);
		for (int i = 0; i < count; i++) {
			int size = 16 * 1024 + random.nextInt(maxSize - 16 * 1024);
			files.put("media/v" + (i % 3) + "/clip" + i + ".bin", bytes(random, size));
		}
		return files;
	}

	/**
	 * Changes {@code count} of the files of a {@link #site} (images, stylesheets, scripts, binaries)
	 * under {@code root}, and in {@code files}: each gets new content of another size, so every
	 * build stamp and digest changes. Stylesheets get another rule whose url() points at an image
	 * of the tree, so every reference still resolves.
	 * @return the paths changed
	 */
	static List<String> change(Path root, Map<String, byte[]> files, Random random, int count) {
		List<String> paths = new ArrayList<>(files.keySet());
		List<String> images = paths.stream().filter((path) -> path.startsWith("img/")).toList();
		Collections.shuffle(paths, random);
		List<String> changed = new ArrayList<>();
		for (String path : paths.subList(0, Math.min(count, paths.size()))) {
			byte[] old = files.get(path);
			String added = switch (path.substring(path.lastIndexOf('.') + 1)) {
				case "css" -> ".changed" + random.nextInt(1_000_000) + " { background: url("
						+ relative(path, images.get(random.nextInt(images.size()))) + "); }\n";
				case "js" -> "export const changed" + random.nextInt(1_000_000) + " = " + random.nextInt() + ";\n";
				case "svg", "html" -> "<!-- " + random.nextInt(1_000_000) + " -->\n";
				case "map" -> " ";
				default -> null;
			};
			byte[] content;
			if (added != null) {
				content = concat(old, added.getBytes(StandardCharsets.UTF_8));
			}
			else {
				int size;
				do {
					size = Math.max(1, old.length + random.nextInt(2049) - 1024);
				}
				while (size == old.length);
				content = bytes(random, size);
			}
			files.put(path, content);
			changed.add(path);
		}
		try {
			for (String path : changed) {
				Files.write(root.resolve(path), files.get(path));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return changed;
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
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
