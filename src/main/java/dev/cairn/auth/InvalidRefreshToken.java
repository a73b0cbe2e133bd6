package dev.cairn.auth;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * The refresh token is unknown, spent, revoked or expired: the client must sign in again.
 */
class InvalidRefreshToken extends ApiException {

	InvalidRefreshToken() {
		super(ErrorCode.INVALID_REFRESH_TOKEN, "The refresh token is not valid; sign in again.");
	}

}
