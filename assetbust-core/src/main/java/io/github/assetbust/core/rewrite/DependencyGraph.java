package io.github.assetbust.core.rewrite;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import io.github.assetbust.core.path.AssetPath;

/**
 * Which assets reference which, put in an order where every asset comes after the assets it
 * references, so that their hashed names are known when it is rewritten. A reference that would
 * close a cycle ({@code a.css} imports {@code b.css} imports {@code a.css}) cannot be ordered; it
 * is reported with the cycle it closes, and left pointing at the original file.
 */
final class DependencyGraph {

	private final SortedMap<AssetPath, List<AssetPath>> references;

	private final Map<AssetPath, State> states = new HashMap<>();

	private final List<AssetPath> path = new ArrayList<>();

	private final List<AssetPath> order = new ArrayList<>();

	private final Map<Edge, List<AssetPath>> cycles = new HashMap<>();

	private enum State {

		VISITING, DONE

	}

	/** A reference from one asset to another. */
	record Edge(AssetPath from, AssetPath to) {
	}

	/**
	 * @param references for every asset (sorted, for a deterministic order), the assets it
	 * references in the order written
	 */
	DependencyGraph(SortedMap<AssetPath, List<AssetPath>> references) {
		this.references = references;
		for (AssetPath asset : references.keySet()) {
			visit(asset);
		}
	}

	/** Every asset, each after all the assets it references (but across cycles). */
	List<AssetPath> order() {
		return this.order;
	}

	/**
	 * The order cut into levels: each asset one level above the deepest asset it references (a
	 * reference that closes a cycle does not count), so that each level depends only on those
	 * below it and can be hashed all at once.
	 */
	public List<List<AssetPath>> levels() {
		Map<AssetPath, Integer> depth = new HashMap<>();
		List<List<AssetPath>> levels = new ArrayList<>();
		for (AssetPath asset : this.order) {
			int level = 0;
			for (AssetPath target : this.references.getOrDefault(asset, List.of())) {
				Integer below = depth.get(target);
				if (below != null && !this.cycles.containsKey(new Edge(asset, target))) {
					level = Math.max(level, below + 1);
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

	/** The cycle a reference closes ({@code [a, b, a]}), or {@code null} if it closes none. */
	List<AssetPath> cycleClosedBy(AssetPath from, AssetPath to) {
		return this.cycles.get(new Edge(from, to));
	}

	/**
	 * Depth-first, with the path kept on a stack of its own rather than the call stack, so that an
	 * {@code @import} chain thousands of files deep orders like any other.
	 */
	private void visit(AssetPath start) {
		if (this.states.containsKey(start)) {
			return;
		}
		Deque<Iterator<AssetPath>> pending = new ArrayDeque<>();
		enter(start, pending);
		while (!pending.isEmpty()) {
			AssetPath asset = this.path.get(this.path.size() - 1);
			Iterator<AssetPath> targets = pending.peek();
			if (!targets.hasNext()) {
				pending.pop();
				this.path.remove(this.path.size() - 1);
				this.states.put(asset, State.DONE);
				this.order.add(asset);
				continue;
			}
			AssetPath target = targets.next();
			State state = this.states.get(target);
			if (state == State.VISITING) {
				List<AssetPath> cycle = new ArrayList<>(this.path.subList(this.path.lastIndexOf(target), this.path.size()));
				cycle.add(target);
				this.cycles.put(new Edge(asset, target), List.copyOf(cycle));
			}
			else if (state == null && this.references.containsKey(target)) {
				enter(target, pending);
			}
		}
	}

	private void enter(AssetPath asset, Deque<Iterator<AssetPath>> pending) {
		this.states.put(asset, State.VISITING);
		this.path.add(asset);
		pending.push(new LinkedHashSet<>(this.references.getOrDefault(asset, List.of())).iterator());
	}

}
