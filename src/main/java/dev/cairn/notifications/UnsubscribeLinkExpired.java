package dev.cairn.notifications;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * A genuine unsubscribe link past its time, used by someone other than its owner signed
 * in: the answer says what to do instead.
 */
class UnsubscribeLinkExpired extends ApiException {

	UnsubscribeLinkExpired() {
		super(ErrorCode.UNSUBSCRIBE_LINK_EXPIRED,
				"This unsubscribe link has expired. Sign in to Cairn and turn these emails off in your "
						+ "notification settings.");
	}

}
