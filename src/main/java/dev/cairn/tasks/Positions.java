package dev.cairn.tasks;

import java.util.OptionalLong;

/**
 * Board positions: sparse numbers, so that putting a task between two neighbours takes
 * the number halfway between theirs and renumbers nothing. Only when a gap is used up
 * (two neighbours one apart) is the column spread out again.
 */
final class Positions {

	/** The distance between neighbours after a rebalance, and below the last task. */
	static final long GAP = 65536;

	private Positions() {
	}

	/**
	 * A position strictly between two neighbours, either of which may be absent (the top
	 * or the bottom of a column).
	 * @param above the position of the task that will be above, or null
	 * @param below the position of the task that will be below, or null
	 * @return empty when there is no whole number between them, or none within range
	 */
	static OptionalLong between(Long above, Long below) {
		if (above == null && below == null) {
			return OptionalLong.of(GAP);
		}
		if (above == null) {
			return (below > Long.MIN_VALUE + GAP) ? OptionalLong.of(below - GAP) : OptionalLong.empty();
		}
		if (below == null) {
			return (above < Long.MAX_VALUE - GAP) ? OptionalLong.of(above + GAP) : OptionalLong.empty();
		}
		// The floor of the mean without overflow, whatever the signs.
		long middle = (above & below) + ((above ^ below) >> 1);
		return (above < middle && middle < below) ? OptionalLong.of(middle) : OptionalLong.empty();
	}

}
