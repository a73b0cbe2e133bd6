package dev.cairn.labels;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * The project has as many labels as a project may have.
 */
class TooManyLabels extends ApiException {

	TooManyLabels(int max) {
		super(ErrorCode.TOO_MANY, "A project has at most " + max + " labels.");
	}

}
