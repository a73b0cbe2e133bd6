package dev.cairn.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, echoed in {@code X-Request-Id}, in problem bodies and in the
 * logs. A client's own id is kept when it is sane (so it can correlate), replaced when it
 * is not (so nobody can inject text into our logs through it).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "requestId";

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// An error dispatch (a failure outside Spring MVC, answered by
		// /error) keeps the id its request was given: the problem names it.
		String given = (request.getDispatcherType() == DispatcherType.ERROR) ? response.getHeader(HEADER)
				: request.getHeader(HEADER);
		String id = (given != null && SANE.matcher(given).matches()) ? given : UUID.randomUUID().toString();
		MDC.put(MDC_KEY, id);
		response.setHeader(HEADER, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

}
