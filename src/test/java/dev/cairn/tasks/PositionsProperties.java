package dev.cairn.tasks;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

class PositionsProperties {

	@Property
	void aPlaceBetweenTwoNeighboursIsStrictlyBetweenThem(@ForAll long first, @ForAll long second) {
		long above = Math.min(first, second);
		long below = Math.max(first, second);
		OptionalLong between = Positions.between(above, below);
		boolean room = BigInteger.valueOf(below).subtract(BigInteger.valueOf(above)).compareTo(BigInteger.TWO) >= 0;
		assertThat(between.isPresent()).isEqualTo(room);
		between.ifPresent((position) -> assertThat(position).isGreaterThan(above).isLessThan(below));
	}

	@Property
	void theTopAndTheBottomOfAColumnAreOutsideIt(@ForAll long neighbour) {
		Positions.between(null, neighbour).ifPresent((position) -> assertThat(position).isLessThan(neighbour));
		Positions.between(neighbour, null).ifPresent((position) -> assertThat(position).isGreaterThan(neighbour));
	}

	/**
	 * Inserting again and again at one place in a list keeps the order the moves asked
	 * for, and a gap runs out only after many moves into it.
	 */
	@Property
	void repeatedMovesIntoOneGapKeepTheOrder(@ForAll @IntRange(min = 1, max = 40) int moves,
			@ForAll @LongRange(min = -1_000_000, max = 1_000_000) long start, @ForAll boolean towardsTop) {
		List<Long> column = new ArrayList<>(List.of(start, start + Positions.GAP));
		int placed = 0;
		for (int move = 0; move < moves; move++) {
			int at = towardsTop ? 1 : column.size() - 1;
			OptionalLong position = Positions.between(column.get(at - 1), column.get(at));
			if (position.isEmpty()) {
				break;
			}
			column.add(at, position.getAsLong());
			placed++;
		}
		assertThat(column).isSorted().doesNotHaveDuplicates();
		assertThat(placed).isEqualTo(Math.min(moves, 16));
	}

}
