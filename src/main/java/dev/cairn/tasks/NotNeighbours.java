package dev.cairn.tasks;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * A move between two tasks that are no longer next to each other: the client's board is
 * stale, and "between them" means nothing.
 */
class NotNeighbours extends ApiException {

	NotNeighbours() {
		super(ErrorCode.NOT_NEIGHBOURS,
				"afterTaskId and beforeTaskId are no longer next to each other; reload the column.");
	}

}
