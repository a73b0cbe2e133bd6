package dev.cairn.auth;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * The sign-in provider did not answer (its discovery document could not be read).
 */
class ProviderUnavailable extends ApiException {

	ProviderUnavailable() {
		super(ErrorCode.DEPENDENCY_UNAVAILABLE, "The sign-in provider cannot be reached right now; try again later.");
	}

}
