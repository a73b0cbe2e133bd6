package dev.cairn.auth;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import dev.cairn.web.UnknownMethodFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadataClaimNames;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Deny by default: every route needs a valid bearer token except the ones that sign in,
 * one-click unsubscribe and its page, the public keys, health, and the API docs.
 * Stateless (no HTTP session, no cookies, so no CSRF to defend against), strict security
 * headers, CORS closed unless configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsScrapeSettings.class)
// Not for the commands, which run without a web server.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	/**
	 * The one page Cairn serves so far, and its script (notifications.UnsubscribePage).
	 */
	private static final RequestMatcher UNSUBSCRIBE_PAGE = new OrRequestMatcher(
			PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/unsubscribe"),
			PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/unsubscribe.js"));

	/**
	 * Everything else answers with {@code default-src 'none'}. This page may run its own
	 * script file and post to its own origin, nothing more: no inline script or style, no
	 * other origin, no forms, no frames, and Trusted Types, so that the script cannot put
	 * markup into the page even by mistake.
	 */
	private static final String UNSUBSCRIBE_PAGE_POLICY = "default-src 'none'; script-src 'self'; "
			+ "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; "
			+ "require-trusted-types-for 'script'";

	/**
	 * Prometheus's scrape: open to the holder of the scrape token only, since metrics
	 * tell an outsider how busy the instance is and which routes exist. No user
	 * credential opens it, and the scrape token opens nothing else.
	 */
	@Bean
	@Order(0) // before every other chain
	SecurityFilterChain metrics(HttpSecurity http, JsonMapper json, MetricsScrapeSettings settings,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> routes,
			@Value("${cairn.public-url}") String publicUrl) throws Exception {
		ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(json, publicUrl);
		http.securityMatcher("/actuator/prometheus")
			.addFilterAfter(new UnknownMethodFilter(json, routes), HeaderWriterFilter.class)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.servletApi((servletApi) -> servletApi.disable())
			.authorizeHttpRequests((requests) -> requests.anyRequest().access(new ScrapeToken(settings.scrapeToken())))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	@Bean
	// After the OpenID Connect chain, which claims its own paths.
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityFilterChain api(HttpSecurity http, JsonMapper json, AuthSettings settings, JwtDecoder jwtDecoder,
			PersonalTokens personalTokens,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> routes,
			@Value("${cairn.public-url}") String publicUrl) throws Exception {
		ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(json, publicUrl);
		http.addFilterAfter(new UnknownMethodFilter(json, routes), HeaderWriterFilter.class)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			// Nothing asks the servlet request who is signed in (controllers take a
			// Caller), so no wrapper around every request to answer it.
			.servletApi((servletApi) -> servletApi.disable())
			.anonymous((anonymous) -> {
			})
			.cors((cors) -> cors.configurationSource(cors(settings)))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/login",
						"/api/v1/auth/login/mfa", "/api/v1/auth/refresh", "/api/v1/auth/logout",
						"/api/v1/auth/email/verify", "/api/v1/auth/password/forgot", "/api/v1/auth/password/reset")
				.permitAll()
				// One-click unsubscribe (RFC 8058): a mail client POSTs it without any
				// credentials; the signed token in the URL is the authority.
				.requestMatchers(HttpMethod.POST, "/api/v1/notifications/unsubscribe")
				.permitAll()
				// The page a mail's unsubscribe link opens, and its script: static files.
				.requestMatchers(UNSUBSCRIBE_PAGE)
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/.well-known/jwks.json", "/actuator/health", "/actuator/health/**",
						"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
				.permitAll()
				.requestMatchers("/error")
				.permitAll()
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenResolver(new BearerTokens())
				// RFC 9728 metadata names the resource as users reach it, never from the
				// request's Host header (which anyone can set), and claims nothing Cairn
				// does not do: its tokens are bearer tokens, not bound to a certificate.
				.protectedResourceMetadata((metadata) -> metadata
					.protectedResourceMetadataCustomizer((resource) -> resource.resource(publicUrl)
						.claims((claims) -> claims.remove(
								OAuth2ProtectedResourceMetadataClaimNames.TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS))))
				.authenticationManagerResolver(bearerTokens(jwtDecoder, personalTokens))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.addFilterAfter(new CallerLogContext(), BearerTokenAuthenticationFilter.class)
			.headers((headers) -> headers.contentTypeOptions((options) -> {
			})
				.frameOptions((frame) -> frame.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(UNSUBSCRIBE_PAGE),
						new ContentSecurityPolicyHeaderWriter("default-src 'none'; frame-ancestors 'none'")))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(UNSUBSCRIBE_PAGE,
						new ContentSecurityPolicyHeaderWriter(UNSUBSCRIBE_PAGE_POLICY)))
				.httpStrictTransportSecurity(
						(hsts) -> hsts.maxAgeInSeconds(Duration.ofDays(365).toSeconds()).includeSubDomains(true)));
		return http.build();
	}

	/**
	 * Every method passes the firewall, to be answered 405 with the security headers by
	 * {@link UnknownMethodFilter} inside the chains, instead of a bare 400 before them.
	 * The firewall's other checks (encoded slashes, path traversal, header values) stay.
	 */
	@Bean
	WebSecurityCustomizer anyMethodReachesTheChains() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setUnsafeAllowAnyHttpMethod(true);
		return (web) -> web.httpFirewall(firewall);
	}

	/**
	 * No observation per security filter, authentication and authorization: they cost
	 * about a tenth of a cheap request's CPU, and the request's own observation
	 * (http.server.requests) already times the whole chain.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	// Personal access tokens are recognized by their prefix; anything else must be a JWT.
	private static AuthenticationManagerResolver<HttpServletRequest> bearerTokens(JwtDecoder jwtDecoder,
			PersonalTokens personalTokens) {
		JwtAuthenticationProvider jwtProvider = new JwtAuthenticationProvider(jwtDecoder);
		jwtProvider.setJwtAuthenticationConverter(JwtConfiguration.callerFromJwt());
		AuthenticationManager jwt = new ProviderManager(jwtProvider);
		AuthenticationManager personal = (authentication) -> personalTokens
			.authenticate(((BearerTokenAuthenticationToken) authentication).getToken())
			.map(CallerAuthentication::new)
			.orElseThrow(() -> new InvalidBearerTokenException("Invalid personal access token"));
		String prefix = "Bearer " + PersonalTokenFormat.PREFIX;
		return (request) -> {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			boolean isPersonal = header != null && header.regionMatches(true, 0, prefix, 0, prefix.length());
			return isPersonal ? personal : jwt;
		};
	}

	private static CorsConfigurationSource cors(AuthSettings settings) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!settings.corsAllowedOrigins().isEmpty()) {
			CorsConfiguration configuration = new CorsConfiguration();
			configuration.setAllowedOrigins(settings.corsAllowedOrigins());
			configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
			configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "If-None-Match",
					"Idempotency-Key", "X-Request-Id"));
			configuration.setExposedHeaders(List.of("ETag", "Location", "Link", "X-Request-Id", "Retry-After",
					"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Idempotency-Replayed"));
			configuration.setMaxAge(Duration.ofHours(1));
			source.registerCorsConfiguration("/api/**", configuration);
		}
		return source;
	}

}
