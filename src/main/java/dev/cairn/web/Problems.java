package dev.cairn.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Builds the one problem shape every error response has: {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance}, plus {@code code}, {@code requestId}
 * and, for invalid input, {@code errors}.
 */
public final class Problems {

	private Problems() {
	}

	public static ProblemDetail of(ErrorCode code, String detail, String path, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
		problem.setType(URI.create(code.type()));
		problem.setTitle(code.title());
		if (path != null) {
			problem.setInstance(URI.create(path));
		}
		problem.setProperty("code", code.value());
		problem.setProperty("requestId", MDC.get(RequestIdFilter.MDC_KEY));
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	public static ProblemDetail of(ErrorCode code, String detail, String path) {
		return of(code, detail, path, List.of());
	}

	/**
	 * The problem as plain JSON members, for writers outside Spring MVC (security
	 * filters).
	 */
	public static Map<String, Object> asMap(ProblemDetail problem) {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("type", String.valueOf(problem.getType()));
		members.put("title", problem.getTitle());
		members.put("status", problem.getStatus());
		members.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			members.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			members.putAll(problem.getProperties());
		}
		return members;
	}

	/** Writes the problem as the whole response, from a filter outside Spring MVC. */
	static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		byte[] body = json.writeValueAsBytes(asMap(problem));
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
