package dev.cairn.platform;

import java.util.List;
import java.util.function.ObjIntConsumer;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Short lists numbered 0, 1, 2... without gaps (a project's statuses, its custom fields),
 * where moving one item renumbers the few that shift. Board positions, which must not
 * renumber on every move, are sparse instead (tasks).
 */
public final class DenseOrder {

	private DenseOrder() {
	}

	/**
	 * Moves an item to {@code position} (or the end, when past it) and saves every item
	 * whose number changed.
	 * @param all the list in its current order; it is reordered in place
	 * @param isMoving matches the item that moves (which may be new at the end)
	 * @param save stores an item's new number
	 */
	public static <T> void move(List<T> all, T moving, Predicate<T> isMoving, int position, ToIntFunction<T> positionOf,
			ObjIntConsumer<T> save) {
		all.removeIf(isMoving);
		all.add(Math.min(position, all.size()), moving);
		renumber(all, positionOf, save);
	}

	/** Saves the items whose number is not their place in the list. */
	public static <T> void renumber(List<T> ordered, ToIntFunction<T> positionOf, ObjIntConsumer<T> save) {
		for (int i = 0; i < ordered.size(); i++) {
			T item = ordered.get(i);
			if (positionOf.applyAsInt(item) != i) {
				save.accept(item, i);
			}
		}
	}

}
