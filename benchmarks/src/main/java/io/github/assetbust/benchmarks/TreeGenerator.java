package io.github.assetbust.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a deterministic asset tree for benchmarks: stylesheets whose {@code url()}s point at
 * images in other folders and that import each other, scripts, PNG-like images and fonts, in
 * nested folders. The same arguments always give the same bytes.
 *
 * <p>{@code java TreeGenerator DIR [FILES] [MEGABYTES]}: defaults 4000 files, 200 MB.
 */
public final class TreeGenerator {

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private final Random random;

	private final int files;

	private final long bytes;

	public TreeGenerator(long seed, int files, long bytes) {
		this.random = new Random(seed);
		this.files = files;
		this.bytes = bytes;
	}

	public static void main(String[] args) throws IOException {
		Path root = Path.of(args[0]);
		int files = (args.length > 1) ? Integer.parseInt(args[1]) : 4000;
		long megabytes = (args.length > 2) ? Long.parseLong(args[2]) : 200;
		long written = new TreeGenerator(42, files, megabytes * 1024 * 1024).writeTo(root);
		System.out.printf("%d files, %,d bytes under %s%n", files, written, root);
	}

	/** Writes the tree under {@code root}; returns the bytes written. */
	public long writeTo(Path root) throws IOException {
		int images = this.files * 60 / 100;
		int scripts = this.files * 20 / 100;
		int fonts = this.files * 5 / 100;
		int stylesheets = this.files - images - scripts - fonts;
		long imageBytes = this.bytes * 70 / 100;
		long scriptBytes = this.bytes * 25 / 100;
		long fontBytes = this.bytes - imageBytes - scriptBytes;
		long written = 0;
		for (int i = 0; i < images; i++) {
			byte[] content = binary(PNG_SIGNATURE, size(imageBytes / images));
			written += write(root.resolve(imagePath(i)), content);
		}
		for (int i = 0; i < fonts; i++) {
			written += write(root.resolve("fonts/family" + (i % 7) + "/font" + i + ".woff2"),
					binary("wOF2".getBytes(StandardCharsets.US_ASCII), size(fontBytes / fonts)));
		}
		for (int i = 0; i < scripts; i++) {
			written += write(root.resolve("js/module" + (i % 25) + "/script" + i + ".js"), script(i, size(scriptBytes / scripts)));
		}
		for (int i = 0; i < stylesheets; i++) {
			written += write(root.resolve(stylesheetPath(i)), stylesheet(i, stylesheets, images, fonts));
		}
		return written;
	}

	private static String imagePath(int i) {
		return "img/set" + (i % 40) + "/part" + (i % 3) + "/image" + i + ".png";
	}

	private static String stylesheetPath(int i) {
		return "css/area" + (i % 30) + "/style" + i + ".css";
	}

	/** An average size, varied by up to half either way. */
	private int size(long average) {
		return (int) Math.max(16, average / 2 + (long) (this.random.nextDouble() * average));
	}

	private byte[] binary(byte[] header, int size) {
		byte[] content = new byte[Math.max(size, header.length)];
		this.random.nextBytes(content);
		System.arraycopy(header, 0, content, 0, header.length);
		return content;
	}

	private byte[] script(int index, int size) {
		StringBuilder js = new StringBuilder(size + 100);
		js.append("// generated script ").append(index).append('\n');
		while (js.length() < size) {
			int n = this.random.nextInt(1_000_000);
			js.append("export function f").append(n).append("(a, b) { return a * ").append(n).append(" + b; }\n");
		}
		return js.toString().getBytes(StandardCharsets.UTF_8);
	}

	private byte[] stylesheet(int index, int stylesheets, int images, int fonts) {
		StringBuilder css = new StringBuilder();
		if (index % 10 != 0 && index + 1 < stylesheets) {
			// an import of a later stylesheet in the same area keeps the graph acyclic
			int imported = index + 30;
			if (imported < stylesheets) {
				css.append("@import \"style").append(imported).append(".css\";\n");
			}
		}
		if (fonts > 0) {
			int font = this.random.nextInt(fonts);
			css.append("@font-face { font-family: f").append(index).append("; src: url(../../fonts/family")
				.append(font % 7).append("/font").append(font).append(".woff2) format(\"woff2\"); }\n");
		}
		for (int rule = 0; rule < 12; rule++) {
			int image = this.random.nextInt(images);
			css.append(".s").append(index).append('-').append(rule).append(" { color: #")
				.append(Integer.toHexString(0x100000 + this.random.nextInt(0xefffff)))
				.append("; background: url(../../").append(imagePath(image)).append(") no-repeat; }\n");
		}
		return css.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static long write(Path file, byte[] content) throws IOException {
		Files.createDirectories(file.getParent());
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(content);
		}
		return content.length;
	}

}
