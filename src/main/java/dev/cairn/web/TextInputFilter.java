package dev.cairn.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose query parameters (or form fields) or headers hold text Cairn
 * cannot store ({@link TextInput}) with 400 {@code validation_failed} naming each one,
 * before authentication, throttles or any SQL see it. JSON bodies are checked by
 * {@link JsonTextGuard} as they are read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11) // after the request id and the body limit
class TextInputFilter extends OncePerRequestFilter {

	private final JsonMapper json;

	TextInputFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<FieldError> errors = new ArrayList<>();
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			check(parameter.getKey(), parameter.getKey(), errors);
			for (String value : parameter.getValue()) {
				check(parameter.getKey(), value, errors);
			}
		}
		for (String name : Collections.list(request.getHeaderNames())) {
			for (String value : Collections.list(request.getHeaders(name))) {
				check(name, value, errors);
			}
		}
		if (errors.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		Problems.write(response, this.json, Problems.of(ErrorCode.VALIDATION_FAILED,
				"The request has invalid parameters or headers.", request.getRequestURI(), errors));
	}

	private static void check(String field, String value, List<FieldError> errors) {
		String problem = TextInput.problem(value);
		if (problem != null && errors.stream().noneMatch((error) -> error.field().equals(field))) {
			errors.add(new FieldError(TextInput.problem(field) == null ? field : "(parameter name)", problem));
		}
	}

}
