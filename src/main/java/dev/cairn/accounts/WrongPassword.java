package dev.cairn.accounts;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * The current password given to confirm a sensitive change is wrong.
 */
class WrongPassword extends ApiException {

	WrongPassword() {
		super(ErrorCode.WRONG_PASSWORD, "The current password is wrong.");
	}

}
