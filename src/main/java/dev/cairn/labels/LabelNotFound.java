package dev.cairn.labels;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * No label with this id in the project.
 */
class LabelNotFound extends ApiException {

	LabelNotFound() {
		super(ErrorCode.LABEL_NOT_FOUND, "No such label in this project.");
	}

}
