package io.github.assetbust.core.manifest;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import io.github.assetbust.core.path.AssetPath;

/**
 * A manifest's entries: an immutable map sorted by original path, held in two arrays. A manifest
 * of a million entries then costs its keys and values, not a million tree nodes as well, and the
 * reader hands over what it read without a copy. Looking up one entry is a binary search; the
 * lookups that serve requests go through {@code AssetIndex}'s hash map, not through this.
 */
final class SortedAssets extends AbstractMap<AssetPath, ManifestEntry> implements SortedMap<AssetPath, ManifestEntry> {

	private static final SortedAssets EMPTY = new SortedAssets(new AssetPath[0], new ManifestEntry[0], 0, 0);

	private final AssetPath[] keys;

	private final ManifestEntry[] values;

	private final int from;

	private final int to;

	private SortedAssets(AssetPath[] keys, ManifestEntry[] values, int from, int to) {
		this.keys = keys;
		this.values = values;
		this.from = from;
		this.to = to;
	}

	/** {@code assets} as sorted assets: itself if it already is, else a sorted copy. */
	static SortedAssets of(Map<AssetPath, ManifestEntry> assets) {
		if (assets instanceof SortedAssets sorted) {
			return sorted;
		}
		if (assets.isEmpty()) {
			return EMPTY;
		}
		SortedMap<AssetPath, ManifestEntry> ordered = (assets instanceof SortedMap<AssetPath, ManifestEntry> map
				&& map.comparator() == null) ? map : new TreeMap<>(assets);
		AssetPath[] keys = new AssetPath[ordered.size()];
		ManifestEntry[] values = new ManifestEntry[keys.length];
		int i = 0;
		for (Map.Entry<AssetPath, ManifestEntry> entry : ordered.entrySet()) {
			keys[i] = Objects.requireNonNull(entry.getKey(), "an asset path");
			values[i++] = entry.getValue();
		}
		return new SortedAssets(keys, values, 0, keys.length);
	}

	@Override
	public int size() {
		return this.to - this.from;
	}

	@Override
	public boolean isEmpty() {
		return this.to == this.from;
	}

	@Override
	public ManifestEntry get(Object key) {
		int index = indexOf(key);
		return (index >= 0) ? this.values[index] : null;
	}

	@Override
	public boolean containsKey(Object key) {
		return indexOf(key) >= 0;
	}

	private int indexOf(Object key) {
		return (key instanceof AssetPath path) ? Arrays.binarySearch(this.keys, this.from, this.to, path) : -1;
	}

	@Override
	public void forEach(BiConsumer<? super AssetPath, ? super ManifestEntry> action) {
		for (int i = this.from; i < this.to; i++) {
			action.accept(this.keys[i], this.values[i]);
		}
	}

	@Override
	public Set<Map.Entry<AssetPath, ManifestEntry>> entrySet() {
		return new AbstractSet<>() {

			@Override
			public Iterator<Map.Entry<AssetPath, ManifestEntry>> iterator() {
				return new Iterator<>() {

					private int next = SortedAssets.this.from;

					@Override
					public boolean hasNext() {
						return this.next < SortedAssets.this.to;
					}

					@Override
					public Map.Entry<AssetPath, ManifestEntry> next() {
						if (!hasNext()) {
							throw new NoSuchElementException();
						}
						int index = this.next++;
						return new SimpleImmutableEntry<>(SortedAssets.this.keys[index], SortedAssets.this.values[index]);
					}

				};
			}

			@Override
			public int size() {
				return SortedAssets.this.size();
			}

		};
	}

	@Override
	public Comparator<? super AssetPath> comparator() {
		return null;
	}

	@Override
	public SortedMap<AssetPath, ManifestEntry> subMap(AssetPath fromKey, AssetPath toKey) {
		if (fromKey.compareTo(toKey) > 0) {
			throw new IllegalArgumentException("fromKey > toKey");
		}
		return range(insertionPoint(fromKey), insertionPoint(toKey));
	}

	@Override
	public SortedMap<AssetPath, ManifestEntry> headMap(AssetPath toKey) {
		return range(this.from, insertionPoint(toKey));
	}

	@Override
	public SortedMap<AssetPath, ManifestEntry> tailMap(AssetPath fromKey) {
		return range(insertionPoint(fromKey), this.to);
	}

	@Override
	public AssetPath firstKey() {
		if (isEmpty()) {
			throw new NoSuchElementException();
		}
		return this.keys[this.from];
	}

	@Override
	public AssetPath lastKey() {
		if (isEmpty()) {
			throw new NoSuchElementException();
		}
		return this.keys[this.to - 1];
	}

	/** Where the first key not less than {@code key} is, within this range. */
	private int insertionPoint(AssetPath key) {
		int index = Arrays.binarySearch(this.keys, this.from, this.to, Objects.requireNonNull(key));
		return (index >= 0) ? index : -index - 1;
	}

	private SortedAssets range(int from, int to) {
		return new SortedAssets(this.keys, this.values, from, Math.max(from, to));
	}

	/**
	 * Collects entries as a reader meets them. Entries that come in order, as every manifest
	 * assetbust writes has them, are appended to the arrays: no tree, no sorting, and no other
	 * check for two entries with one path is needed, since each path is greater than the last.
	 * The first entry out of order moves what was collected into a tree.
	 */
	static final class Builder {

		private AssetPath[] keys = new AssetPath[16];

		private ManifestEntry[] values = new ManifestEntry[16];

		private int size;

		private TreeMap<AssetPath, ManifestEntry> unordered;

		/**
		 * Adds an entry.
		 * @return {@code false}, and adds nothing, if there is an entry for {@code key} already
		 */
		boolean add(AssetPath key, ManifestEntry value) {
			if (this.unordered != null) {
				return this.unordered.putIfAbsent(key, value) == null;
			}
			int order = (this.size > 0) ? key.compareTo(this.keys[this.size - 1]) : 1;
			if (order == 0) {
				return false;
			}
			if (order < 0) {
				this.unordered = new TreeMap<>();
				for (int i = 0; i < this.size; i++) {
					this.unordered.put(this.keys[i], this.values[i]);
				}
				this.keys = null;
				this.values = null;
				return this.unordered.putIfAbsent(key, value) == null;
			}
			if (this.size == this.keys.length) {
				int length = this.size + (this.size >> 1);
				this.keys = Arrays.copyOf(this.keys, length);
				this.values = Arrays.copyOf(this.values, length);
			}
			this.keys[this.size] = key;
			this.values[this.size++] = value;
			return true;
		}

		SortedAssets build() {
			if (this.unordered != null) {
				return of(this.unordered);
			}
			return (this.size == 0) ? EMPTY
					: new SortedAssets(Arrays.copyOf(this.keys, this.size), Arrays.copyOf(this.values, this.size), 0,
							this.size);
		}

	}

}
