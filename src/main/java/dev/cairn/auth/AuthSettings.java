package dev.cairn.auth;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token settings.
 *
 * @param issuer Issuer ("iss") of access tokens; the public URL by default.
 * @param audience Audience ("aud") of access tokens.
 * @param accessTokenTtl Lifetime of access tokens.
 * @param refreshTokenTtl Absolute lifetime of a sign-in; refreshing never extends it.
 * @param refreshTokenIdleTtl How long a sign-in lasts whose refresh token is not used.
 * @param clockSkew Tolerance for the exp, iat and nbf checks of tokens.
 * @param jwtPrivateKey EC P-256 private key (PKCS#8 PEM) to sign access tokens with; when
 * empty, keys are generated and kept in the database.
 * @param jwtPublicKey Public key (X.509 PEM) of the configured private key.
 * @param corsAllowedOrigins Browser origins allowed to call the API; none by default. Set
 * by CAIRN_CORS_ALLOWED_ORIGINS.
 */
@Validated
@ConfigurationProperties("cairn.auth")
record AuthSettings(@NotBlank String issuer, @NotBlank @DefaultValue("cairn-api") String audience,
		@NotNull @DefaultValue("15m") Duration accessTokenTtl, @NotNull @DefaultValue("30d") Duration refreshTokenTtl,
		@NotNull @DefaultValue("7d") Duration refreshTokenIdleTtl, @NotNull @DefaultValue("30s") Duration clockSkew,
		String jwtPrivateKey, String jwtPublicKey, @DefaultValue List<String> corsAllowedOrigins) {

	boolean hasConfiguredKey() {
		return this.jwtPrivateKey != null && !this.jwtPrivateKey.isBlank();
	}

}
