package dev.cairn.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * What Tomcat answers itself, for requests it refuses before any filter or route sees
 * them (a NUL or a stray control character in the path or a header, a path that cannot be
 * decoded): the problem+json body every other error has, instead of Tomcat's HTML page.
 * Errors Spring answers (through {@code /error}) have a body already and are left alone.
 */
class ContainerErrorReport extends ErrorReportValve {

	ContainerErrorReport() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean writable = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
		if (!writable.get()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		ErrorCode code = switch (status) {
			case 404 -> ErrorCode.NOT_FOUND;
			case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
			case 408 -> ErrorCode.REQUEST_TIMEOUT;
			case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
			case 414 -> ErrorCode.URI_TOO_LONG;
			case 431 -> ErrorCode.HEADERS_TOO_LARGE;
			case 503 -> ErrorCode.DEPENDENCY_UNAVAILABLE;
			default -> (status < 500) ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR;
		};
		String detail = (status >= 500 || known == null) ? "The server could not handle the request."
				: known.getReasonPhrase() + ": the server refused the request as it arrived.";
		// No filter ran, so no request id was given yet: one of its own, in the header
		// and the body as everywhere else. Nothing of the request is repeated (its path
		// may be what was refused).
		String requestId = UUID.randomUUID().toString();
		// Written by hand: nothing of Spring runs at this point, and every value is ours.
		String body = "{\"type\":\"" + code.type() + "\",\"title\":\"" + code.title() + "\",\"status\":" + status
				+ ",\"detail\":\"" + detail + "\",\"code\":\"" + code.value() + "\",\"requestId\":\"" + requestId
				+ "\"}";
		try {
			response.setHeader(RequestIdFilter.HEADER, requestId);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response was committed: nothing left to tell.
		}
	}

	/** Whether {@code valve} is an error report of Tomcat's, not this one. */
	static boolean isTomcats(Valve valve) {
		return valve instanceof ErrorReportValve && !(valve instanceof ContainerErrorReport);
	}

}
