package dev.cairn.accounts;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * The provider's sign-in cannot be matched to an account safely.
 */
class ProviderSignInRefused extends ApiException {

	ProviderSignInRefused(String detail) {
		super(ErrorCode.INVALID_CREDENTIALS, detail);
	}

}
