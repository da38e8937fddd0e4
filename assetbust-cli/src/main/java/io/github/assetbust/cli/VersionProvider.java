package io.github.assetbust.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version the jar manifest carries, and the Java that runs it. */
final class VersionProvider implements IVersionProvider {

	@Override
	public String[] getVersion() {
		String version = AssetbustCommand.class.getPackage().getImplementationVersion();
		return new String[] { "assetbust " + ((version != null) ? version : "(development build)"),
				"Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")" };
	}

}
