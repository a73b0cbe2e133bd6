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
 * @param issuer {@code iss} of access tokens ({@code CAIRN_PUBLIC_URL} by default)
 * @param audience {@code aud} of access tokens
 * @param accessTokenTtl {@code CAIRN_AUTH_ACCESS_TOKEN_TTL}: lifetime of access tokens
 * @param refreshTokenTtl {@code CAIRN_AUTH_REFRESH_TOKEN_TTL}: absolute lifetime of a
 * sign-in; refreshing never extends it
 * @param refreshTokenIdleTtl {@code CAIRN_AUTH_REFRESH_TOKEN_IDLE_TTL}: a sign-in whose
 * refresh token is not used for this long ends
 * @param clockSkew tolerance for {@code exp}, {@code iat} and {@code nbf} checks
 * @param jwtPrivateKey {@code CAIRN_AUTH_JWT_PRIVATE_KEY}: an EC P-256 private key
 * (PKCS#8 PEM) to sign with; when empty, keys are generated and kept in the database
 * @param jwtPublicKey {@code CAIRN_AUTH_JWT_PUBLIC_KEY}: its public key (X.509 PEM)
 * @param corsAllowedOrigins {@code CAIRN_CORS_ALLOWED_ORIGINS}: browser origins allowed
 * to call the API; none by default
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
