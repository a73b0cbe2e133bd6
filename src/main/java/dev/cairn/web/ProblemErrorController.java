package dev.cairn.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (the servlet container, a rejected request, a filter)
 * end here; they get the same problem+json body as every other error, never Boot's
 * default error page.
 */
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping(path = "/error", produces = MediaType.APPLICATION_PROBLEM_JSON_VALUE)
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		if (request.getDispatcherType() != DispatcherType.ERROR) {
			// Asked for by name: there is no resource here, as for any unknown path.
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(Problems.of(ErrorCode.NOT_FOUND, "No resource at this path.", request.getRequestURI()));
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = HttpStatus.resolve((code instanceof Integer value) ? value : 500);
		if (status == null || !status.isError()) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		// A filter that needed the database (a personal access token's lookup) and did
		// not get it: the same answer as a controller gives.
		if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable ex
				&& DatabaseFailures.cause(ex) != null) {
			return DatabaseFailures.response(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
		}
		ErrorCode errorCode = switch (status) {
			case NOT_FOUND -> ErrorCode.NOT_FOUND;
			case METHOD_NOT_ALLOWED -> ErrorCode.METHOD_NOT_ALLOWED;
			case CONTENT_TOO_LARGE -> ErrorCode.PAYLOAD_TOO_LARGE;
			case UNAUTHORIZED -> ErrorCode.UNAUTHENTICATED;
			case FORBIDDEN -> ErrorCode.FORBIDDEN;
			case SERVICE_UNAVAILABLE -> ErrorCode.DEPENDENCY_UNAVAILABLE;
			default -> status.is4xxClientError() ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR;
		};
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String detail = status.is5xxServerError() ? "The server failed to handle the request."
				: status.getReasonPhrase() + ".";
		ProblemDetail problem = Problems.of(errorCode, detail, (path != null) ? path.toString() : null);
		problem.setStatus(status.value());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
