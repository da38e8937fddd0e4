package io.github.assetbust.core.path;

import java.util.List;
import java.util.function.Predicate;

/**
 * Which files include and exclude globs select: those any include matches and no exclude does.
 * The scan of a build and dynamic mode's lookups ask the same selection, so a file a build leaves
 * alone keeps its original URL in development too.
 */
public final class GlobSelection implements Predicate<AssetPath> {

	private final List<Glob> includes;

	private final List<Glob> excludes;

	/** @throws io.github.assetbust.core.AssetbustException naming a glob that cannot be understood */
	public GlobSelection(List<String> includes, List<String> excludes) {
		this.includes = includes.stream().map(Glob::of).toList();
		this.excludes = excludes.stream().map(Glob::of).toList();
	}

	/** Whether {@code path} is selected. */
	@Override
	public boolean test(AssetPath path) {
		return this.includes.stream().anyMatch((glob) -> glob.matches(path)) && !isExcluded(path);
	}

	/** Whether an exclude matches {@code path}: a folder it matches is not entered at all. */
	public boolean isExcluded(AssetPath path) {
		return this.excludes.stream().anyMatch((glob) -> glob.matches(path));
	}

}
