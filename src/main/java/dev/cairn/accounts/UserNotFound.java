package dev.cairn.accounts;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * No such user, or none the caller may see: the two are the same answer on purpose.
 */
class UserNotFound extends ApiException {

	UserNotFound() {
		super(ErrorCode.USER_NOT_FOUND, "No such user.");
	}

}
