package io.github.assetbust.resolve;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlotOrderTests {

	@Test
	void sizesTablesAsHashMapDoes() {
		assertThat(SlotOrder.tableLength(0)).isEqualTo(1);
		assertThat(SlotOrder.tableLength(1)).isEqualTo(1);
		assertThat(SlotOrder.tableLength(2)).isEqualTo(2);
		assertThat(SlotOrder.tableLength(3)).isEqualTo(4);
		assertThat(SlotOrder.tableLength(16)).isEqualTo(16);
		assertThat(SlotOrder.tableLength(17)).isEqualTo(32);
		assertThat(SlotOrder.tableLength(1_333_334)).isEqualTo(1 << 21);
		assertThat(SlotOrder.tableLength(Integer.MAX_VALUE)).isEqualTo(1 << 30);
	}

	@Test
	void ordersEveryKeyOnceByTheCardOfItsSlot() {
		int tableLength = 1 << 12;
		String[] keys = IntStream.range(0, 3000).mapToObj((i) -> "css/area" + (i / 100) + "/style" + i + ".css")
			.toArray(String[]::new);
		int[] order = SlotOrder.of(keys, keys.length, tableLength);
		assertThat(Arrays.stream(order).sorted().toArray()).isEqualTo(IntStream.range(0, keys.length).toArray());
		int[] cards = Arrays.stream(order).map((i) -> slot(keys[i], tableLength) / 64).toArray();
		assertThat(cards).isSorted();
	}

	@Test
	void ordersOnlyTheKeysCounted() {
		String[] keys = { "b", "a", null };
		assertThat(SlotOrder.of(keys, 2, 16)).containsExactlyInAnyOrder(0, 1);
	}

	private static int slot(String key, int tableLength) {
		int hash = key.hashCode();
		return (hash ^ (hash >>> 16)) & (tableLength - 1);
	}

}
