package dev.cairn.auth;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import dev.cairn.web.Caller;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signing and verifying access tokens. The verifier accepts ES256 only (so {@code none},
 * HS256 signed with the public key, or any other algorithm is refused), requires a known
 * {@code kid}, and checks issuer, audience, expiry and a subject that is a user id.
 */
@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		JWKSource<SecurityContext> signing = (selector, context) -> selector.select(new JWKSet(keys.signingKey()));
		return new NimbusJwtEncoder(signing);
	}

	/** Tokens remembered as verified, at most (a few hundred bytes each). */
	static final int VERIFIED_TOKENS = 10_000;

	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, AuthSettings settings, Clock clock, MeterRegistry meters) {
		JWKSource<SecurityContext> verification = (selector, context) -> {
			Set<String> kids = selector.getMatcher().getKeyIDs();
			if (kids == null || kids.size() != 1) {
				return List.of(); // a token without a kid is refused
			}
			return keys.verificationKey(kids.iterator().next()).map((key) -> List.<JWK>of(key)).orElse(List.of());
		};
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, verification));
		processor.setJWTClaimsSetVerifier((claims, context) -> {
			// Claims are checked by the validators below, with Spring's error reporting.
		});
		NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(settings.clockSkew()),
				new JwtIssuerValidator(settings.issuer()),
				new JwtClaimValidator<List<String>>("aud", (aud) -> aud != null && aud.contains(settings.audience())),
				new JwtClaimValidator<Object>("exp", (exp) -> exp != null),
				new JwtClaimValidator<String>("sub", JwtConfiguration::isUuid)));
		VerifiedTokens verified = new VerifiedTokens(decoder, clock, VERIFIED_TOKENS);
		CaffeineCacheMetrics.monitor(meters, verified.cache(), "verified-access-tokens");
		return verified;
	}

	/** Access tokens from a sign-in may do everything their user may. */
	static Converter<Jwt, AbstractAuthenticationToken> callerFromJwt() {
		return (jwt) -> new CallerAuthentication(Caller.session(UUID.fromString(jwt.getSubject())));
	}

	private static boolean isUuid(String value) {
		try {
			return value != null && UUID.fromString(value).toString().equals(value);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
