package dev.cairn.web;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.StringUtils;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * TRACE, CONNECT and methods nobody defined (FOO, PROPFIND) get 405 problem+json with the
 * route's {@code Allow}, before authentication, throttles or any route runs. It stands in
 * the security filter chains right after the security headers are written, so the answer
 * carries them like any other; Spring Security's firewall lets every method through to it
 * instead of answering a bare 400 outside the chain. TRACE would otherwise echo the
 * request, credentials included (cross-site tracing).
 */
public final class UnknownMethodFilter extends OncePerRequestFilter {

	private static final Set<String> KNOWN = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	private final JsonMapper json;

	private final ObjectProvider<HandlerMapping> routes;

	public UnknownMethodFilter(JsonMapper json, ObjectProvider<HandlerMapping> routes) {
		this.json = json;
		this.routes = routes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (KNOWN.contains(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(HttpHeaders.ALLOW, allowed(request));
		String method = StringUtils.hasText(request.getMethod()) && request.getMethod().length() <= 20
				? request.getMethod() : "This method";
		Problems.write(response, this.json,
				Problems.of(ErrorCode.METHOD_NOT_ALLOWED, method + " is not allowed here.", request.getRequestURI()));
	}

	// What the route at this path takes; nothing when no route is there.
	private String allowed(HttpServletRequest request) {
		try {
			this.routes.getObject().getHandler(request);
		}
		catch (HttpRequestMethodNotSupportedException ex) {
			Set<HttpMethod> supported = ex.getSupportedHttpMethods();
			return (supported != null) ? StringUtils
				.collectionToDelimitedString(supported.stream().map(HttpMethod::name).sorted().toList(), ", ") : "";
		}
		catch (Exception ex) {
			// No route answers this path at all.
		}
		return "";
	}

}
