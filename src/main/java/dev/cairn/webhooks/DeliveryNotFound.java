package dev.cairn.webhooks;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * No such delivery in the log of this webhook.
 */
class DeliveryNotFound extends ApiException {

	DeliveryNotFound() {
		super(ErrorCode.DELIVERY_NOT_FOUND, "No such delivery of this webhook.");
	}

}
