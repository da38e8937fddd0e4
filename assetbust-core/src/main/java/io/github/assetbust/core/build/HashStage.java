package io.github.assetbust.core.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.assetbust.core.ParallelTasks;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.rewrite.AssetToRewrite;
import io.github.assetbust.core.rewrite.ReferenceRewriter;
import io.github.assetbust.core.rewrite.RewritePlan;

/**
 * The hash stage: gives every asset of the plan its hashed copy, one dependency level at a time
 * so that an asset is rewritten only once the hashed names of everything it references are known;
 * within a level, on all threads. An asset the last build found unchanged keeps its copy; one
 * whose references the plan rewrites is rewritten as it is copied; any other is copied as it is.
 */
final class HashStage {

	private final HashedCopyWriter writer;

	private final ReferenceRewriter rewriter;

	private final AssetBuilder.Progress progress;

	private final Map<AssetPath, ManifestEntry> entries = new ConcurrentHashMap<>();

	private final AtomicInteger written = new AtomicInteger();

	private final AtomicLong bytesWritten = new AtomicLong();

	private final AtomicInteger reused = new AtomicInteger();

	private final AtomicInteger done = new AtomicInteger();

	HashStage(HashedCopyWriter writer, ReferenceRewriter rewriter, AssetBuilder.Progress progress) {
		this.writer = writer;
		this.rewriter = rewriter;
		this.progress = progress;
	}

	/**
	 * What the stage did.
	 * @param entries the manifest entry of every asset, sorted by path
	 * @param written how many hashed copies it wrote
	 * @param bytesWritten how many bytes those hold
	 * @param reused how many assets kept the copy the last build made
	 */
	record Hashed(Map<AssetPath, ManifestEntry> entries, int written, long bytesWritten, int reused) {
	}

	/**
	 * @param reusable for assets the last build found unchanged, what it knows of them
	 */
	Hashed run(RewritePlan plan, Map<AssetPath, BuildCache.Entry> reusable, ExecutorService executor) {
		int total = plan.size();
		for (List<AssetPath> level : plan.levels()) {
			List<Callable<Void>> tasks = new ArrayList<>(level.size());
			level.forEach((asset) -> tasks.add(() -> {
				hash(asset, plan.toRewrite().get(asset), reusable.get(asset));
				this.progress.hashed(this.done.incrementAndGet(), total);
				return null;
			}));
			ParallelTasks.runAll(executor, tasks, "hashing");
		}
		return new Hashed(new TreeMap<>(this.entries), this.written.get(), this.bytesWritten.get(), this.reused.get());
	}

	private void hash(AssetPath asset, AssetToRewrite toRewrite, BuildCache.Entry known) {
		if (known != null) {
			this.entries.put(asset, known.copy());
			this.reused.incrementAndGet();
			return;
		}
		HashedCopyWriter.Copy copy = (toRewrite != null)
				? this.writer.write(asset, (out) -> this.rewriter.rewrite(toRewrite, this::hashedPathOf, out))
				: this.writer.copy(asset);
		this.entries.put(asset, copy.entry());
		if (copy.written()) {
			this.written.incrementAndGet();
			this.bytesWritten.addAndGet(copy.entry().size());
		}
	}

	private AssetPath hashedPathOf(AssetPath asset) {
		ManifestEntry entry = this.entries.get(asset);
		return (entry != null) ? entry.path() : null;
	}

}
