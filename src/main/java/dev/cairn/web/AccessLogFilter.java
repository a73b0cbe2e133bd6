package dev.cairn.web;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One line per request on the {@code cairn.access} logger: method, route template (never
 * the path itself, which may carry ids and tokens, nor the query string), status,
 * duration in nanoseconds, and who asked (the user's id, never their email). It runs just
 * inside {@link RequestIdFilter}, so the request id is in the line's MDC. Health probes
 * and metric scrapes are logged at debug. Silenced with
 * {@code LOGGING_LEVEL_CAIRN_ACCESS=warn}.
 */
@Component
// Inside RequestIdFilter (first) and the request's observation (HIGHEST_PRECEDENCE + 1),
// so the request id and the trace and span ids are in the MDC when the line is written.
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class AccessLogFilter extends OncePerRequestFilter {

	/** The signed-in user's id in the MDC, so in every line logged for the request. */
	public static final String MDC_USER_ID = "userId";

	private static final String USER_ID = AccessLogFilter.class.getName() + ".userId";

	private static final Logger log = LoggerFactory.getLogger("cairn.access");

	/**
	 * Puts the user's id in the MDC for the rest of the request (the caller of this takes
	 * it out again) and keeps it for the access line, which is written after that.
	 */
	public static void signedIn(HttpServletRequest request, UUID userId) {
		String id = userId.toString();
		request.setAttribute(USER_ID, id);
		MDC.put(MDC_USER_ID, id);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!log.isInfoEnabled()) {
			chain.doFilter(request, response);
			return;
		}
		long start = System.nanoTime();
		// What the line says when the chain throws instead of returning.
		int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
		try {
			chain.doFilter(request, response);
			status = response.getStatus();
		}
		finally {
			long nanos = System.nanoTime() - start;
			Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
			Object user = request.getAttribute(USER_ID);
			if (user != null) {
				MDC.put(MDC_USER_ID, (String) user);
			}
			// Probes and scrapes come every few seconds from the platform,
			// not from users.
			boolean operational = route instanceof String path && path.startsWith("/actuator/");
			LoggingEventBuilder line = operational ? log.atDebug() : log.atInfo();
			if (route != null) {
				line = line.addKeyValue("http.route", route);
			}
			// Tenths of a millisecond by arithmetic: no Formatter made on every request.
			line.addKeyValue("http.request.method", request.getMethod())
				.addKeyValue("http.response.status_code", status)
				.addKeyValue("event.duration", nanos)
				.log("{} {} {} {} ms", request.getMethod(), (route != null) ? route : "(no route)", status,
						Math.round(nanos / 1e5) / 10.0);
			MDC.remove(MDC_USER_ID);
		}
	}

}
