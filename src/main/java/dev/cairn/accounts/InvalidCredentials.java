package dev.cairn.accounts;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * Email and password do not match an active account. One message for every reason, so a
 * caller learns nothing about which accounts exist.
 */
public class InvalidCredentials extends ApiException {

	InvalidCredentials() {
		super(ErrorCode.INVALID_CREDENTIALS, "The email or password is wrong.");
	}

}
