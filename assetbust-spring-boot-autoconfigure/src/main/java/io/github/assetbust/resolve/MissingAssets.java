package io.github.assetbust.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The paths templates asked for that the manifest did not have: every miss counted, the distinct
 * paths remembered up to a bound (so odd input cannot grow memory), and the first ones listed in
 * the order they were first seen. Thread-safe; only a miss touches it.
 */
public final class MissingAssets {

	/** Stop remembering distinct paths past this many. */
	public static final int MAX_DISTINCT = 10_000;

	/** How many of the first distinct paths {@link #firstPaths()} lists. */
	public static final int MAX_LISTED = 100;

	private final LongAdder lookups = new LongAdder();

	private final Set<String> distinct = ConcurrentHashMap.newKeySet();

	private final AtomicInteger listedSlots = new AtomicInteger();

	private final AtomicReferenceArray<String> listed = new AtomicReferenceArray<>(MAX_LISTED);

	/**
	 * Counts a lookup of {@code path} that missed.
	 * @return whether {@code path} missed for the first time, and so deserves a warning
	 */
	public boolean record(String path) {
		this.lookups.increment();
		if (this.distinct.size() >= MAX_DISTINCT || !this.distinct.add(path)) {
			return false;
		}
		int slot = this.listedSlots.getAndIncrement();
		if (slot < MAX_LISTED) {
			this.listed.set(slot, path);
		}
		return true;
	}

	/** Every lookup that missed, including repeats. */
	public long lookups() {
		return this.lookups.sum();
	}

	/** Distinct paths that missed; stops growing at {@value #MAX_DISTINCT}. */
	public int distinctPaths() {
		return this.distinct.size();
	}

	/** The first {@value #MAX_LISTED} distinct paths that missed, in the order they first did. */
	public List<String> firstPaths() {
		int count = Math.min(this.listedSlots.get(), MAX_LISTED);
		List<String> paths = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String path = this.listed.get(i);
			// null: another thread claimed the slot and has not written it yet
			if (path != null) {
				paths.add(path);
			}
		}
		return paths;
	}

}
