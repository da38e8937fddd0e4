package io.github.assetbust.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AssetbustExceptionTests {

	@Test
	void runningOutOfHeapSaysHowMuchThereWasAndWhatToGive() {
		OutOfMemoryError error = new OutOfMemoryError("Java heap space");
		AssetbustException ex = AssetbustException.ranOut(error, "building /srv/site", "the previous manifest stays");
		assertThat(ex.getMessage()).isEqualTo("Ran out of memory building /srv/site (Java heap space, at most "
				+ Runtime.getRuntime().maxMemory() / (1024 * 1024)
				+ " MB of heap); the previous manifest stays. Give the JVM more with -Xmx");
		assertThat(ex.getCause()).isSameAs(error);
	}

	@Test
	void runningOutOfStackIsABugToReport() {
		assertThat(AssetbustException.ranOut(new StackOverflowError(), "running check", "the manifest is as it was")
			.getMessage()).isEqualTo("Ran out of stack running check; the manifest is as it was. This is a bug: "
					+ "please report it with the shape of the tree");
	}

	@Test
	void anyOtherErrorIsNamedWithTheJavaVersionToReport() {
		assertThat(AssetbustException.ranOut(new NoClassDefFoundError("x/Y"), "running clean", "the manifest is as it was")
			.getMessage()).isEqualTo("The JVM failed running clean (java.lang.NoClassDefFoundError: x/Y); the manifest "
					+ "is as it was. Please report it with the Java version you use");
	}

}
