package dev.cairn.auth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import dev.cairn.web.ErrorCode;
import dev.cairn.web.Problems;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 from the security filters, with the standard {@code WWW-Authenticate}
 * header (RFC 6750) and the same problem+json body as every other error.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();

	private final JsonMapper json;

	/**
	 * @param publicUrl {@code CAIRN_PUBLIC_URL}: the base of the metadata address in
	 * {@code WWW-Authenticate}, which would otherwise repeat the request's Host header
	 */
	ProblemAuthenticationEntryPoint(JsonMapper json, String publicUrl) {
		this.json = json;
		String metadata = publicUrl.replaceAll("/+$", "") + "/.well-known/oauth-protected-resource";
		this.bearer.setResourceMetadataParameterResolver((request) -> metadata);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		this.bearer.commence(request, response, ex);
		boolean tokenGiven = ex instanceof InvalidBearerTokenException;
		write(response, tokenGiven ? ErrorCode.INVALID_TOKEN : ErrorCode.UNAUTHENTICATED,
				tokenGiven ? "The access token is invalid or has expired." : "Sign in to use this resource.", request);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		this.denied.handle(request, response, ex);
		write(response, ErrorCode.FORBIDDEN, "You may not do this.", request);
	}

	private void write(HttpServletResponse response, ErrorCode code, String detail, HttpServletRequest request)
			throws IOException {
		var problem = Problems.of(code, detail, request.getRequestURI());
		response.setStatus(code.status().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), Problems.asMap(problem));
	}

}
