package dev.cairn.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Lets a request through when it carries the configured scrape token as its bearer token.
 * The token is a shared secret of the operator's, not a user's credential: it opens the
 * metrics and nothing else, and it is compared in constant time.
 */
class ScrapeToken implements AuthorizationManager<RequestAuthorizationContext> {

	private static final String BEARER = "Bearer ";

	private final byte[] expected;

	ScrapeToken(String token) {
		this.expected = (token == null || token.isBlank()) ? null : token.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		String header = context.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
		boolean granted = this.expected != null && header != null
				&& header.regionMatches(true, 0, BEARER, 0, BEARER.length()) && MessageDigest.isEqual(this.expected,
						header.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8));
		return new AuthorizationDecision(granted);
	}

}
