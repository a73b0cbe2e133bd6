package dev.cairn.labels;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * Another label of the project has this name, whatever its case.
 */
class LabelNameTaken extends ApiException {

	LabelNameTaken(String name) {
		super(ErrorCode.LABEL_NAME_TAKEN, "The project has a label named " + name + " already.");
	}

}
