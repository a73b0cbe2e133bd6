package dev.cairn.web;

/**
 * The personal access token lacks the scope the route needs.
 */
public class InsufficientScope extends ApiException {

	public InsufficientScope(String detail) {
		super(ErrorCode.INSUFFICIENT_SCOPE, detail);
	}

}
