package io.github.assetbust.resolve;

/**
 * The order in which to put keys into a presized {@link java.util.HashMap} or
 * {@link java.util.HashSet} so that its table is written from one end to the other, not at random.
 * <p>
 * The table of a map of a million entries is allocated straight into the old generation, and the
 * garbage collector (G1, and every other generational one) must remember each reference from an
 * old object to a young one: a put dirties the card (512 bytes) of the table slot it writes, and a
 * collector thread then scans that card. Puts in the order of the keys dirty a card nearly every
 * time; puts in the order of the slots dirty each card once. Loading a manifest of a million
 * entries spent more CPU time in that scanning than in building the index. The map is the same
 * either way, since only the order of distinct keys changes; should another JDK spread hashes
 * differently, the order is merely no help.
 */
final class SlotOrder {

	/** Table slots that share a card: 512-byte cards of references of at most 8 bytes. */
	private static final int SLOTS_PER_CARD = 64;

	private static final int MAXIMUM_TABLE_LENGTH = 1 << 30;

	private SlotOrder() {
	}

	/** The length of the table of a map created with {@code initialCapacity}, as HashMap sizes it. */
	static int tableLength(int initialCapacity) {
		if (initialCapacity <= 1) {
			return 1;
		}
		return (initialCapacity > MAXIMUM_TABLE_LENGTH / 2) ? MAXIMUM_TABLE_LENGTH
				: Integer.highestOneBit(initialCapacity - 1) << 1;
	}

	/**
	 * The positions of {@code keys[0]} to {@code keys[count - 1]}, ordered by the card of the slot
	 * each goes to in a table of {@code tableLength} slots; in their own order within one card.
	 */
	static int[] of(String[] keys, int count, int tableLength) {
		int[] starts = new int[cards(tableLength) + 1];
		for (int i = 0; i < count; i++) {
			starts[card(keys[i], tableLength) + 1]++;
		}
		for (int card = 1; card < starts.length; card++) {
			starts[card] += starts[card - 1];
		}
		int[] order = new int[count];
		for (int i = 0; i < count; i++) {
			order[starts[card(keys[i], tableLength)]++] = i;
		}
		return order;
	}

	private static int cards(int tableLength) {
		return Math.max(1, tableLength / SLOTS_PER_CARD);
	}

	/** The card of the slot HashMap puts {@code key} in: its spread hash, masked to the table. */
	private static int card(String key, int tableLength) {
		int hash = key.hashCode();
		return ((hash ^ (hash >>> 16)) & (tableLength - 1)) / SLOTS_PER_CARD;
	}

}
