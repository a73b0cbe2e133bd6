package dev.cairn.notifications;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * An unsubscribe token this server did not make, or one that was altered.
 */
class InvalidUnsubscribeToken extends ApiException {

	InvalidUnsubscribeToken() {
		super(ErrorCode.INVALID_UNSUBSCRIBE_TOKEN,
				"The token is not an unsubscribe token this server made, or it was altered.");
	}

}
