package dev.cairn.auth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import tools.jackson.databind.json.JsonMapper;

import dev.cairn.accounts.Accounts;
import dev.cairn.accounts.ProviderIdentity;
import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;
import dev.cairn.web.Problems;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * The end of an OpenID Connect sign-in: Spring Security has checked state, nonce, PKCE
 * and the ID token; this turns the provider's identity into a Cairn account and answers
 * with Cairn's own token pair (or the two-factor challenge), as a password sign-in does.
 * The HTTP session that carried the round trip is discarded.
 */
class OidcSignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private final Accounts accounts;

	private final Sessions sessions;

	private final TwoFactor twoFactor;

	private final JsonMapper json;

	OidcSignIn(Accounts accounts, Sessions sessions, TwoFactor twoFactor, JsonMapper json) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.twoFactor = twoFactor;
		this.json = json;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		endRoundTrip(request);
		OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
		OidcUser user = (OidcUser) token.getPrincipal();
		ProviderIdentity identity = new ProviderIdentity(token.getAuthorizedClientRegistrationId(), user.getSubject(),
				user.getEmail(), Boolean.TRUE.equals(user.getEmailVerified()), user.getFullName());
		try {
			var userId = this.accounts.signInWithProvider(identity);
			Object answer = this.twoFactor.isEnabled(userId)
					? new AuthController.SecondFactorRequired(true, this.twoFactor.challenge(userId))
					: this.sessions.start(userId, new Client(request.getHeader("User-Agent"), request.getRemoteAddr()));
			response.setStatus(200);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setHeader("Cache-Control", "no-store");
			this.json.writeValue(response.getOutputStream(), answer);
		}
		catch (ApiException ex) {
			problem(request, response, ex.code(), ex.getMessage());
		}
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		endRoundTrip(request);
		problem(request, response, ErrorCode.INVALID_CREDENTIALS,
				"Sign-in with the provider failed; start again from /api/v1/auth/oidc/{provider}.");
	}

	private void problem(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
			throws IOException {
		response.setStatus(code.status().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(),
				Problems.asMap(Problems.of(code, detail, request.getRequestURI())));
	}

	private static void endRoundTrip(HttpServletRequest request) {
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

}
