package dev.cairn.auth;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;

import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings an operator gives: a signing key pair in PEM, allowed CORS origins; and what a
 * TLS-terminating proxy in front of Cairn changes (HSTS).
 */
class ConfiguredSecurityTests extends ApiTestSupport {

	private static final KeyPair KEYS = ecKeyPair();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("cairn.auth.jwt-private-key", () -> Pem.privateKey((ECPrivateKey) KEYS.getPrivate()));
		registry.add("cairn.auth.jwt-public-key", () -> Pem.publicKey((ECPublicKey) KEYS.getPublic()));
		registry.add("cairn.auth.cors-allowed-origins", () -> "https://app.example.com");
		// The test client plays the TLS-terminating proxy.
		registry.add("cairn.web.trusted-proxies", () -> "127.0.0.1");
	}

	@Test
	void tokensAreSignedWithTheConfiguredKeyAndOnlyItIsPublished() throws Exception {
		String kid = new ECKey.Builder(Curve.P_256, (ECPublicKey) KEYS.getPublic()).build()
			.computeThumbprint()
			.toString();
		String token = this.users.signedIn().accessToken();
		assertThat(JWSObject.parse(token).getHeader().getKeyID()).isEqualTo(kid);
		Map<?, ?> jwks = this.client.get()
			.uri("/.well-known/jwks.json")
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat((List<?>) jwks.get("keys")).singleElement()
			.satisfies((key) -> assertThat(((Map<?, ?>) key).get("kid")).isEqualTo(kid));
	}

	@Test
	void listedOriginsMayCallTheApiFromABrowserAndOthersMayNot() {
		this.client.options()
			.uri("/api/v1/auth/login")
			.header("Origin", "https://app.example.com")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", "https://app.example.com");
		this.client.options()
			.uri("/api/v1/auth/login")
			.header("Origin", "https://evil.example")
			.header("Access-Control-Request-Method", "POST")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist("Access-Control-Allow-Origin");
	}

	@Test
	void behindATlsProxyResponsesCarryHsts() {
		this.client.get()
			.uri("/actuator/health")
			.header("X-Forwarded-Proto", "https")
			.exchange()
			.expectHeader()
			.valueMatches("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
		this.client.get().uri("/actuator/health").exchange().expectHeader().doesNotExist("Strict-Transport-Security");
	}

	private static KeyPair ecKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
