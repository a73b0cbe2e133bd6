package dev.cairn.fields;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * No custom field with this id in the project.
 */
class FieldNotFound extends ApiException {

	FieldNotFound() {
		super(ErrorCode.FIELD_NOT_FOUND, "No such custom field in this project.");
	}

}
