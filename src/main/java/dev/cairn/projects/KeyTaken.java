package dev.cairn.projects;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * Another project, live or in the trash, has this key.
 */
class KeyTaken extends ApiException {

	KeyTaken(String key) {
		super(ErrorCode.PROJECT_KEY_TAKEN, "The project key " + key + " is taken; choose another.");
	}

}
