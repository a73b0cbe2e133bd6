package dev.cairn.notifications;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * No such notification in the caller's feed: another user's is not found either.
 */
class NotificationNotFound extends ApiException {

	NotificationNotFound() {
		super(ErrorCode.NOTIFICATION_NOT_FOUND, "No such notification.");
	}

}
