package dev.cairn.auth;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * OpenID Connect providers users may sign in with, by name (the {@code {provider}} in
 * {@code /api/v1/auth/oidc/{provider}}). For example, with environment variables:
 * {@code CAIRN_OIDC_PROVIDERS_KEYCLOAK_ISSUERURI}, {@code ..._CLIENTID},
 * {@code ..._CLIENTSECRET}.
 *
 * @param providers OpenID Connect providers users may sign in with, by name.
 */
@Validated
@ConfigurationProperties("cairn.oidc")
record OidcSettings(@NotNull @DefaultValue Map<String, @Valid Provider> providers) {

	/**
	 * @param issuerUri The provider's issuer; its discovery document is read on first
	 * use.
	 * @param clientId The client id registered at the provider.
	 * @param clientSecret The client secret registered at the provider.
	 * @param scopes Scopes to ask for; openid and email are needed.
	 */
	record Provider(@NotBlank String issuerUri, @NotBlank String clientId, @NotBlank String clientSecret,
			@DefaultValue( {
					"openid", "email", "profile" }) List<String> scopes){

		@Override
		public String toString() {
			return "Provider[issuerUri=" + this.issuerUri + ", clientId=" + this.clientId + "]";
		}

	}

}
