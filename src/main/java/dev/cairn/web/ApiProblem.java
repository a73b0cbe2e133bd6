package dev.cairn.web;

/**
 * A problem whose {@link ErrorCode} says all there is to say (a duplicate name, a missing
 * status, a role that may not do this), for the use cases that need no exception type of
 * their own.
 */
public final class ApiProblem extends ApiException {

	public ApiProblem(ErrorCode code, String detail) {
		super(code, detail);
	}

}
