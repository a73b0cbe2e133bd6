package dev.cairn.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.util.DisconnectedClientHelper;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns every failure of a request into a problem+json response with a stable code. A 500
 * says nothing about the cause to the client (no class names, no SQL); the log has it.
 */
@RestControllerAdvice
class ProblemDetailsAdvice {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> rateLimited(RateLimited ex, HttpServletRequest request) {
		return ResponseEntity.status(ex.code().status())
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.body(Problems.of(ex.code(), ex.getMessage(), request.getRequestURI()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> apiException(ApiException ex, HttpServletRequest request) {
		return respond(Problems.of(ex.code(), ex.getMessage(), request.getRequestURI(), ex.errors()));
	}

	// A body's fields (@RequestBody), or a query record's parameters (bound through
	// their constructor, as the task list's are).
	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException ex, HttpServletRequest request) {
		boolean body = ex.getParameter().hasParameterAnnotation(RequestBody.class);
		List<FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> body ? new FieldError(error.getField(), error.getDefaultMessage()) : parameterError(error))
			.sorted(java.util.Comparator.comparing(FieldError::field))
			.toList();
		return respond(Problems.of(ErrorCode.VALIDATION_FAILED,
				body ? "The request has invalid fields." : "The request has invalid parameters.",
				request.getRequestURI(), errors));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException ex, HttpServletRequest request) {
		List<FieldError> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new FieldError(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage())))
			.toList();
		return respond(Problems.of(ErrorCode.VALIDATION_FAILED, "The request has invalid parameters.",
				request.getRequestURI(), errors));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> parameterType(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return respond(Problems.of(ErrorCode.VALIDATION_FAILED, "The request has invalid parameters.",
				request.getRequestURI(), List.of(new FieldError(ex.getName(), wrongValue(ex)))));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadableBody(HttpMessageNotReadableException ex, HttpServletRequest request) {
		BodyTooLarge tooLarge = tooLarge(ex);
		if (tooLarge != null) {
			return bodyTooLarge(tooLarge, request);
		}
		// A member of the wrong type, unknown or out of range is the field's fault:
		// validation_failed, as in a merge patch, whatever the verb (issue 17). Only
		// a body that is no JSON document, or not the object expected, is malformed.
		Throwable cause = ex.getCause();
		List<FieldError> errors = fieldErrors(cause);
		boolean fieldsFault = !errors.isEmpty() && duplicateMember(cause) == null;
		return respond(Problems.of(fieldsFault ? ErrorCode.VALIDATION_FAILED : ErrorCode.MALFORMED_REQUEST,
				describe(cause), request.getRequestURI(), errors));
	}

	// A chunked body crossed the limit while the message converter read it
	// (BodyLimitFilter refuses a declared Content-Length earlier).
	@ExceptionHandler
	ResponseEntity<ProblemDetail> bodyTooLarge(BodyTooLarge ex, HttpServletRequest request) {
		return respond(Problems.of(ErrorCode.PAYLOAD_TOO_LARGE, ex.getMessage(), request.getRequestURI()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException ex,
			HttpServletRequest request) {
		HttpHeaders headers = new HttpHeaders();
		if (ex.getSupportedHttpMethods() != null) {
			headers.setAllow(ex.getSupportedHttpMethods());
		}
		ProblemDetail problem = Problems.of(ErrorCode.METHOD_NOT_ALLOWED, request.getMethod() + " is not allowed here.",
				request.getRequestURI());
		return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
	}

	// The other exceptions Spring MVC raises carry their own status (404,
	// 406, 415, 413...).
	@ExceptionHandler({ ErrorResponseException.class, NoResourceFoundException.class, NoHandlerFoundException.class,
			HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class,
			ServletRequestBindingException.class, MaxUploadSizeExceededException.class })
	ResponseEntity<ProblemDetail> springError(Exception exception, HttpServletRequest request) {
		ErrorResponse ex = (ErrorResponse) exception;
		ErrorCode code = switch (ex.getStatusCode().value()) {
			case 404 -> ErrorCode.NOT_FOUND;
			case 406 -> ErrorCode.NOT_ACCEPTABLE;
			case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
			case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
			case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
			default -> (ex.getStatusCode().is4xxClientError()) ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR;
		};
		String detail = (code == ErrorCode.INTERNAL_ERROR) ? "The server failed to handle the request."
				: ex.getBody().getDetail();
		return ResponseEntity.status(ex.getStatusCode())
			.headers(ex.getHeaders())
			.body(Problems.of(code, detail, request.getRequestURI()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> bug(Exception ex, HttpServletRequest request) {
		BodyTooLarge tooLarge = tooLarge(ex);
		if (tooLarge != null) {
			return bodyTooLarge(tooLarge, request);
		}
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			// The client went away mid-response (a closed tab, a load tester stopping):
			// not a bug, and there is no one left to answer.
			log.debug("Client disconnected during {} {}", request.getMethod(), request.getRequestURI());
			return null;
		}
		Throwable database = DatabaseFailures.cause(ex);
		if (database != null) {
			// Not a bug but the database's answer this time: the same request may well
			// succeed in a moment.
			log.warn("The database failed {} {}: {}", request.getMethod(), request.getRequestURI(),
					database.toString());
			log.debug("The database failure in full", ex);
			return DatabaseFailures.response(request.getRequestURI());
		}
		if (DatabaseFailures.isUnstorableText(ex)) {
			// One line, not a stack trace per request: input to refuse at the edge.
			log.warn("Text the database cannot store reached it on {} {}: refuse it in TextInput", request.getMethod(),
					request.getRequestURI());
			return respond(Problems.of(ErrorCode.VALIDATION_FAILED,
					"The request holds text that cannot be stored (a NUL character).", request.getRequestURI()));
		}
		log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return respond(Problems.of(ErrorCode.INTERNAL_ERROR, "The server failed to handle the request.",
				request.getRequestURI()));
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	/**
	 * A query record's error named as the parameter was sent ({@code statusCategory}, not
	 * the index {@code statusCategory[1]} of the value at fault), and for a value that
	 * could not be converted, the converter's rule when it has one.
	 */
	private static FieldError parameterError(org.springframework.validation.FieldError error) {
		String parameter = error.getField().replaceFirst("[\\[.].*", "");
		if (!error.isBindingFailure()) {
			return new FieldError(parameter, error.getDefaultMessage());
		}
		return new FieldError(parameter,
				error.contains(Throwable.class) ? wrongValue(error.unwrap(Throwable.class)) : "has the wrong format");
	}

	private static String wrongValue(Throwable failure) {
		return ParameterConverter.rule(failure).orElse("has the wrong format");
	}

	private static BodyTooLarge tooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLarge tooLarge) {
				return tooLarge;
			}
		}
		return null;
	}

	private static String describe(Throwable cause) {
		String duplicate = duplicateMember(cause);
		if (duplicate != null) {
			return duplicate.isEmpty() ? "A member appears twice in an object."
					: "Field '" + duplicate + "' appears twice.";
		}
		String outOfRange = outOfRange(cause);
		if (outOfRange != null) {
			return outOfRange.isEmpty() ? "A number is out of range." : "Field '" + outOfRange + "' is out of range.";
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return "Unknown field '" + unknown.getPropertyName() + "'.";
		}
		if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
			String path = path((DatabindException) cause);
			return path.isEmpty() ? "The body does not have the expected shape."
					: "Field '" + path + "' has the wrong type or format.";
		}
		if (cause instanceof JacksonException) {
			return "The body is not valid JSON.";
		}
		return "The body could not be read as JSON.";
	}

	private static List<FieldError> fieldErrors(Throwable cause) {
		String duplicate = duplicateMember(cause);
		if (duplicate != null) {
			return duplicate.isEmpty() ? List.of() : List.of(new FieldError(duplicate, "appears more than once"));
		}
		String outOfRange = outOfRange(cause);
		if (outOfRange != null) {
			return outOfRange.isEmpty() ? List.of() : List.of(new FieldError(outOfRange, "is out of range"));
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return List.of(new FieldError(path(unknown), "is not a known field"));
		}
		if (cause instanceof MismatchedInputException mismatch && !path(mismatch).isEmpty()) {
			return List.of(new FieldError(path(mismatch), "has the wrong type or format"));
		}
		return List.of();
	}

	/**
	 * The path of a member that appears twice in one object (the parser refuses them:
	 * otherwise which of two values is checked and which is kept is up to each reader),
	 * empty when it cannot be told, or null when this is another failure.
	 */
	private static String duplicateMember(Throwable cause) {
		if (cause instanceof StreamReadException read && read.getOriginalMessage() != null
				&& read.getOriginalMessage().startsWith("Duplicate Object property")) {
			return (read.processor() instanceof JsonParser parser) ? JsonPaths.of(parser.streamReadContext()) : "";
		}
		return null;
	}

	/**
	 * The path of a number too large for its field's type ({@code 1e400} for an int),
	 * empty when it cannot be told, or null when this is another failure.
	 */
	private static String outOfRange(Throwable cause) {
		if (cause instanceof InputCoercionException coercion) {
			return (coercion.processor() instanceof JsonParser parser) ? JsonPaths.of(parser.streamReadContext()) : "";
		}
		return null;
	}

	private static String path(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (var reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

}
