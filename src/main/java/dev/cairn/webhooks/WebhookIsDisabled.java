package dev.cairn.webhooks;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * A redelivery asked of a webhook that is off. Not named {@code WebhookDisabled}: that is
 * the event of Cairn turning a webhook off ({@link WebhookEvent.WebhookDisabled}).
 */
class WebhookIsDisabled extends ApiException {

	WebhookIsDisabled() {
		super(ErrorCode.WEBHOOK_DISABLED, "Turn the webhook on before redelivering to it.");
	}

}
