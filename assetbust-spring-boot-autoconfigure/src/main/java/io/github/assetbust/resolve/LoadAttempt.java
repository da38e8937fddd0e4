package io.github.assetbust.resolve;

import java.time.Instant;

/**
 * The outcome of the latest attempt to load the manifest, at startup, after a startup build, or
 * when the watched file changed.
 * @param time when it was attempted
 * @param error why it failed, naming the manifest; {@code null} when it succeeded
 */
public record LoadAttempt(Instant time, String error) {

	static LoadAttempt succeeded(Instant time) {
		return new LoadAttempt(time, null);
	}

	static LoadAttempt failed(Instant time, String error) {
		return new LoadAttempt(time, error);
	}

	public boolean isSuccess() {
		return this.error == null;
	}

}
