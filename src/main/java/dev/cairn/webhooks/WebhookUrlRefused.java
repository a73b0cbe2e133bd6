package dev.cairn.webhooks;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * A URL that cannot receive webhooks (not http or https, credentials in it, a host that
 * is not public), with the reason in the detail.
 */
class WebhookUrlRefused extends ApiException {

	WebhookUrlRefused(String detail) {
		super(ErrorCode.WEBHOOK_URL_REFUSED, detail);
	}

}
