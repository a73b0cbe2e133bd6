package dev.cairn.auth;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * No sign-in provider is configured under this name.
 */
class UnknownProvider extends ApiException {

	UnknownProvider() {
		super(ErrorCode.UNKNOWN_PROVIDER, "There is no sign-in provider with this name.");
	}

}
