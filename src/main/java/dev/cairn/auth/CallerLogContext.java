package dev.cairn.auth;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

import dev.cairn.web.AccessLogFilter;
import dev.cairn.web.Caller;

/**
 * Once the bearer token is checked, the caller's user id goes into the log context of the
 * request: every line logged while it is served, and its access line, say whose it was.
 * Only the id: an email is personal data and has no place in logs.
 */
class CallerLogContext extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Caller caller = Caller.current().orElse(null);
		if (caller == null) {
			chain.doFilter(request, response);
			return;
		}
		AccessLogFilter.signedIn(request, caller.userId());
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(AccessLogFilter.MDC_USER_ID);
		}
	}

}
