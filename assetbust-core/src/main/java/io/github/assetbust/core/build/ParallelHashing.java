package io.github.assetbust.core.build;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.rewrite.ReferenceRewriter;
import io.github.assetbust.core.rewrite.TextAsset;

/**
 * Writes every hashed copy, one dependency level at a time so that an asset is rewritten only
 * once the hashed names of everything it references are known; within a level, on all threads.
 */
final class ParallelHashing {

	private final HashedCopyWriter writer;

	private final ReferenceRewriter rewriter;

	private final ReferenceRewriter.Plan plan;

	private final Map<AssetPath, BuildCache.Entry> reusable;

	final Map<AssetPath, ManifestEntry> entries = new ConcurrentHashMap<>();

	final AtomicInteger written = new AtomicInteger();

	final AtomicLong bytesWritten = new AtomicLong();

	final AtomicInteger reused = new AtomicInteger();

	private final AtomicInteger done = new AtomicInteger();

	private final AssetBuilder.Progress progress;

	ParallelHashing(HashedCopyWriter writer, ReferenceRewriter rewriter, ReferenceRewriter.Plan plan,
			Map<AssetPath, BuildCache.Entry> reusable, AssetBuilder.Progress progress) {
		this.writer = writer;
		this.rewriter = rewriter;
		this.plan = plan;
		this.reusable = reusable;
		this.progress = progress;
	}

	void run(ExecutorService executor) {
		for (List<AssetPath> level : levels()) {
			List<Callable<Void>> tasks = new ArrayList<>(level.size());
			level.forEach((asset) -> tasks.add(() -> {
				hash(asset);
				return null;
			}));
			ParallelTasks.runAll(executor, tasks, "hashing");
		}
	}

	/** The plan's order cut into levels: each asset one level above the deepest asset it references. */
	private List<List<AssetPath>> levels() {
		Map<AssetPath, Integer> depth = new HashMap<>();
		List<List<AssetPath>> levels = new ArrayList<>();
		for (AssetPath asset : this.plan.order()) {
			TextAsset text = this.plan.texts().get(asset);
			int level = 0;
			if (text != null) {
				for (TextAsset.Link link : text.references()) {
					level = Math.max(level, depth.getOrDefault(link.target().path(), 0) + 1);
				}
			}
			depth.put(asset, level);
			while (levels.size() <= level) {
				levels.add(new ArrayList<>());
			}
			levels.get(level).add(asset);
		}
		return levels;
	}

	private void hash(AssetPath asset) {
		hashOrReuse(asset);
		this.progress.hashed(this.done.incrementAndGet(), this.plan.order().size());
	}

	private void hashOrReuse(AssetPath asset) {
		BuildCache.Entry known = this.reusable.get(asset);
		if (known != null) {
			this.entries.put(asset, known.copy());
			this.reused.incrementAndGet();
			return;
		}
		TextAsset text = this.plan.texts().get(asset);
		HashedCopyWriter.Copy copy = (text != null)
				? this.writer.write(asset, (out) -> this.rewriter.rewrite(text, this::hashedPathOf, out))
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
