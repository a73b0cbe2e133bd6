package dev.cairn.web;

import java.util.List;

/**
 * Input that is well-formed but breaks a rule checked in code (a password that is too
 * common, a patch with a wrong type): 400 with the fields and rules.
 */
public class InvalidInput extends ApiException {

	public InvalidInput(List<FieldError> errors) {
		super(ErrorCode.VALIDATION_FAILED, "The request has invalid fields.", errors);
	}

	public InvalidInput(String field, String message) {
		this(List.of(new FieldError(field, message)));
	}

}
