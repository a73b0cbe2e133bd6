package dev.cairn.accounts;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * The token from a mailed link is unknown, used already, or expired.
 */
class InvalidLinkToken extends ApiException {

	InvalidLinkToken() {
		super(ErrorCode.INVALID_LINK_TOKEN, "This link is invalid or has expired; ask for a new one.");
	}

}
