package dev.cairn.web;

import java.util.List;

/**
 * A domain fact that ends a request with a problem response, for example
 * {@code InvalidCredentials}. Subclasses are named after the fact and carry their code.
 */
public abstract class ApiException extends RuntimeException {

	private final ErrorCode code;

	private final List<FieldError> errors;

	protected ApiException(ErrorCode code, String detail) {
		this(code, detail, List.of());
	}

	protected ApiException(ErrorCode code, String detail, List<FieldError> errors) {
		super(detail, null, false, false); // expected outcomes: no stack trace to fill
		this.code = code;
		this.errors = List.copyOf(errors);
	}

	public ErrorCode code() {
		return this.code;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

}
