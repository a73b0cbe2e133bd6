package dev.cairn.auth;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import dev.cairn.accounts.Accounts;

import dev.cairn.web.UnknownMethodFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Sign-in with OpenID Connect providers: {@code GET /api/v1/auth/oidc/{provider}}
 * redirects to the provider (authorization code flow with PKCE, state and nonce), and its
 * callback at {@code /api/v1/auth/oidc/{provider}/callback} answers with Cairn's tokens.
 * This is the only place Cairn uses an HTTP session: for the few seconds of the round
 * trip.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OidcConfiguration {

	static final String BASE = "/api/v1/auth/oidc";

	@Bean
	@Order(1)
	SecurityFilterChain oidc(HttpSecurity http, OidcSettings settings, Accounts accounts, Sessions sessions,
			TwoFactor twoFactor, JsonMapper json,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> routes) throws Exception {
		OidcClientRegistrations registrations = new OidcClientRegistrations(settings);
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, BASE);
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		OidcSignIn signIn = new OidcSignIn(accounts, sessions, twoFactor, json);
		// An unknown or unreachable provider is not an authorization request: the request
		// goes on to OidcProviderController, which answers 404 or 503.
		OAuth2AuthorizationRequestResolver lenient = new OAuth2AuthorizationRequestResolver() {
			@Override
			public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
				try {
					return resolver.resolve(request);
				}
				catch (IllegalArgumentException | IllegalStateException ex) {
					request.setAttribute(OidcProviderController.UNAVAILABLE, ex instanceof IllegalStateException);
					return null;
				}
			}

			@Override
			public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
				return resolver.resolve(request, registrationId);
			}
		};
		http.securityMatcher(BASE + "/**")
			.addFilterAfter(new UnknownMethodFilter(json, routes), HeaderWriterFilter.class)
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.requestCache((cache) -> cache.disable())
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.oauth2Login((login) -> login.clientRegistrationRepository(registrations)
				.authorizationEndpoint((endpoint) -> endpoint.authorizationRequestResolver(lenient))
				.redirectionEndpoint((endpoint) -> endpoint.baseUri(BASE + "/*/callback"))
				.successHandler(signIn)
				.failureHandler(signIn))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'"))
				.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

}
