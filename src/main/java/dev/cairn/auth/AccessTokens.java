package dev.cairn.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues short-lived access tokens: ES256 JWTs with {@code kid}, {@code iss},
 * {@code aud}, {@code sub} (the user id), {@code iat}, {@code exp} and a unique
 * {@code jti}; signed in the one canonical form ({@link EcdsaSignatures}).
 */
@Component
class AccessTokens {

	private final JwtEncoder encoder;

	private final SigningKeys keys;

	private final AuthSettings settings;

	private final Clock clock;

	AccessTokens(JwtEncoder encoder, SigningKeys keys, AuthSettings settings, Clock clock) {
		this.encoder = encoder;
		this.keys = keys;
		this.settings = settings;
		this.clock = clock;
	}

	String issue(UUID userId) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.settings.issuer())
			.audience(List.of(this.settings.audience()))
			.subject(userId.toString())
			.issuedAt(now)
			.expiresAt(now.plus(this.settings.accessTokenTtl()))
			.id(UUID.randomUUID().toString())
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).keyId(this.keys.signingKey().getKeyID()).build();
		return EcdsaSignatures.lowS(this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue());
	}

	long lifetimeSeconds() {
		return this.settings.accessTokenTtl().toSeconds();
	}

}
