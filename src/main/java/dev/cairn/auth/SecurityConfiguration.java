package dev.cairn.auth;

import java.time.Duration;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Deny by default: every route needs a valid bearer token except the ones that sign in,
 * the public keys, health, and the API docs. Stateless (no HTTP session, no cookies, so
 * no CSRF to defend against), strict security headers, CORS closed unless configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // not for
																				// commands
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, JsonMapper json, AuthSettings settings) throws Exception {
		ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(json);
		http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.anonymous((anonymous) -> {
			})
			.cors((cors) -> cors.configurationSource(cors(settings)))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh",
						"/api/v1/auth/logout")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/.well-known/jwks.json", "/actuator/health", "/actuator/health/**",
						"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
				.permitAll()
				.requestMatchers("/error")
				.permitAll()
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(JwtConfiguration.callerFromJwt()))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers((headers) -> headers.contentTypeOptions((options) -> {
			})
				.frameOptions((frame) -> frame.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
				.httpStrictTransportSecurity(
						(hsts) -> hsts.maxAgeInSeconds(Duration.ofDays(365).toSeconds()).includeSubDomains(true)));
		return http.build();
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
					"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"));
			configuration.setMaxAge(Duration.ofHours(1));
			source.registerCorsConfiguration("/api/**", configuration);
		}
		return source;
	}

}
