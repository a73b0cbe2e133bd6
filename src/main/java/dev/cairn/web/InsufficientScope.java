package dev.cairn.web;

/**
 * The personal access token lacks the scope the route needs.
 */
class InsufficientScope extends ApiException {

	InsufficientScope(String detail) {
		super(ErrorCode.INSUFFICIENT_SCOPE, detail);
	}

}
