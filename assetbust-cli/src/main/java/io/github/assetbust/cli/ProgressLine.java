package io.github.assetbust.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.github.assetbust.core.build.AssetBuilder;
/**
 * The {@code \r  hashed 1234/4000} line a build shows on a terminal while it hashes a large tree
 * (then {@code compressed 56/2000} while it writes precompressed variants).
 * Silent in pipes, files and tests, and for small trees, where it would only be noise. Called from
 * every hashing thread; redraws at most ten times a second, and always for the last file.
 */
final class ProgressLine implements AssetBuilder.Progress {

	/** Trees up to this many assets build too fast for a progress line to help. */
	static final int THRESHOLD = 500;

	private static final long INTERVAL = TimeUnit.MILLISECONDS.toNanos(100);

	private final PrintWriter err;

	private final boolean enabled;

	private final LongSupplier nanoTime;

	private long lastDrawn;

	private int width;

	ProgressLine(PrintWriter err, boolean enabled, LongSupplier nanoTime) {
		this.err = err;
		this.enabled = enabled;
		this.nanoTime = nanoTime;
	}

	/** A progress line on {@code err} if the CLI talks to a terminal, else one that prints nothing. */
	static ProgressLine forTerminal(PrintWriter err) {
		return new ProgressLine(err, isTerminal(), System::nanoTime);
	}

	@Override
	public void hashed(int done, int total) {
		draw("hashed", done, total);
	}

	@Override
	public void compressed(int done, int total) {
		draw("compressed", done, total);
	}

	private synchronized void draw(String what, int done, int total) {
		if (!this.enabled || total <= THRESHOLD) {
			return;
		}
		long now = this.nanoTime.getAsLong();
		if (this.width > 0 && done < total && now - this.lastDrawn < INTERVAL) {
			return;
		}
		this.lastDrawn = now;
		String text = "  " + what + " " + done + "/" + total;
		// pad over a longer line drawn before, such as the last "hashed" one
		this.err.print("\r" + text + " ".repeat(Math.max(0, this.width - text.length())));
		this.err.flush();
		this.width = Math.max(this.width, text.length());
	}

	/** Wipes the line, if one was drawn, so that what follows starts on a clean line. */
	synchronized void finish() {
		if (this.width > 0) {
			this.err.print("\r" + " ".repeat(this.width) + "\r");
			this.err.flush();
			this.width = 0;
		}
	}

	/**
	 * Whether stdin and stdout are a terminal. Up to Java 21 that is what a non-null
	 * {@link System#console()} means; from Java 22 on there is a console even in a pipe, and
	 * {@code Console.isTerminal()} tells.
	 */
	static boolean isTerminal() {
		Console console = System.console();
		if (console == null) {
			return false;
		}
		try {
			Method isTerminal = Console.class.getMethod("isTerminal");
			return (Boolean) isTerminal.invoke(console);
		}
		catch (NoSuchMethodException ex) {
			return true;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return false;
		}
	}

}
