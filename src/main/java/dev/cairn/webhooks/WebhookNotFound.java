package dev.cairn.webhooks;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * No such webhook, or one of a project the caller does not manage: the same answer, so
 * that ids cannot be probed.
 */
class WebhookNotFound extends ApiException {

	WebhookNotFound() {
		super(ErrorCode.WEBHOOK_NOT_FOUND, "No such webhook.");
	}

}
