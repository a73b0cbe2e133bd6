package dev.cairn.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.FilterInvocation;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * What the security filter chains do with a request to an operation, asked of the chains
 * themselves so that the description cannot drift from the security configuration:
 * whether a caller without credentials is let through, and whether the chain reads bearer
 * tokens (and so answers 401 to an invalid one, even where none is needed).
 */
final class OpenApiSecurity {

	private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("openapi", "anonymous",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	// Asked when the description is first built, once every chain exists.
	private final ObjectProvider<WebInvocationPrivilegeEvaluator> privileges;

	private final ObjectProvider<SecurityFilterChain> chains;

	OpenApiSecurity(ObjectProvider<WebInvocationPrivilegeEvaluator> privileges,
			ObjectProvider<SecurityFilterChain> chains) {
		this.privileges = privileges;
		this.chains = chains;
	}

	/**
	 * Whether a request without credentials may call this operation; without security
	 * chains, none may.
	 */
	boolean isOpen(String method, String path) {
		WebInvocationPrivilegeEvaluator evaluator = this.privileges.getIfAvailable();
		return evaluator != null && evaluator.isAllowed("", sample(path), method, ANONYMOUS);
	}

	/** Whether the chain that serves this operation authenticates bearer tokens. */
	boolean readsBearerTokens(String method, String path) {
		HttpServletRequest request = new Attributes(new FilterInvocation("", sample(path), method).getHttpRequest());
		return this.chains.orderedStream()
			.filter((chain) -> chain.matches(request))
			.findFirst()
			.map((chain) -> chain.getFilters().stream().anyMatch(BearerTokenAuthenticationFilter.class::isInstance))
			.orElse(false);
	}

	// The request matchers cache the parsed path in an attribute, which Spring
	// Security's stand-in request cannot hold.
	private static final class Attributes extends HttpServletRequestWrapper {

		private final Map<String, Object> attributes = new HashMap<>();

		Attributes(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Object getAttribute(String name) {
			return this.attributes.get(name);
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.remove(name);
		}

	}

	// A path as a request would have it: each template variable filled in.
	private static String sample(String path) {
		return path.replaceAll("\\{[^}/]+}", "x");
	}

}
