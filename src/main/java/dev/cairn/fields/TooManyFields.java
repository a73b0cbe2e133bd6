package dev.cairn.fields;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * The project has as many custom fields as a project may have.
 */
class TooManyFields extends ApiException {

	TooManyFields(int max) {
		super(ErrorCode.TOO_MANY, "A project has at most " + max + " custom fields.");
	}

}
