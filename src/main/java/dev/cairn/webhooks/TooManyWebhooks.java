package dev.cairn.webhooks;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * The project has as many webhooks as a project may have.
 */
class TooManyWebhooks extends ApiException {

	TooManyWebhooks(int max) {
		super(ErrorCode.TOO_MANY, "A project has at most " + max + " webhooks.");
	}

}
