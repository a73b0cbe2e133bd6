package dev.cairn.fields;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * Another custom field of the project has this name.
 */
class FieldNameTaken extends ApiException {

	FieldNameTaken(String name) {
		super(ErrorCode.FIELD_NAME_TAKEN, "The project has a custom field named " + name + " already.");
	}

}
