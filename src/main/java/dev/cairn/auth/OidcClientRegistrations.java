package dev.cairn.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * Client registrations built from {@link OidcSettings} by OpenID discovery, on first use
 * rather than at start-up, so a provider that is down does not stop Cairn (its sign-in
 * fails until it is back).
 */
class OidcClientRegistrations implements ClientRegistrationRepository {

	static final String CALLBACK = "{baseUrl}/api/v1/auth/oidc/{registrationId}/callback";

	private static final Logger log = LoggerFactory.getLogger(OidcClientRegistrations.class);

	private final OidcSettings settings;

	private final Map<String, ClientRegistration> discovered = new ConcurrentHashMap<>();

	OidcClientRegistrations(OidcSettings settings) {
		this.settings = settings;
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		OidcSettings.Provider provider = this.settings.providers().get(registrationId);
		if (provider == null) {
			return null;
		}
		return this.discovered.computeIfAbsent(registrationId, (id) -> discover(id, provider));
	}

	private ClientRegistration discover(String id, OidcSettings.Provider provider) {
		try {
			return ClientRegistrations.fromIssuerLocation(provider.issuerUri())
				.registrationId(id)
				.clientId(provider.clientId())
				.clientSecret(provider.clientSecret())
				.scope(provider.scopes())
				.redirectUri(CALLBACK)
				.build();
		}
		catch (RuntimeException ex) {
			log.warn("OpenID provider '{}' at {} could not be discovered: {}", id, provider.issuerUri(),
					ex.getMessage());
			throw new IllegalStateException("provider '" + id + "' is unavailable", ex);
		}
	}

}
