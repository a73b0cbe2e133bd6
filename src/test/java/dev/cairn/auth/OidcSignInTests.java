package dev.cairn.auth;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import tools.jackson.databind.json.JsonMapper;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenID Connect sign-in end to end against a real provider (mock-oauth2-server): the
 * browser's redirects are followed by hand, with the cookie of the round trip.
 */
class OidcSignInTests extends ApiTestSupport {

	private static final MockOAuth2Server provider = started();

	@LocalServerPort
	private int port;

	@Autowired
	private JsonMapper json;

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		registry.add("cairn.oidc.providers.mock.issuer-uri", () -> provider.issuerUrl("default").toString());
		registry.add("cairn.oidc.providers.mock.client-id", () -> "cairn");
		registry.add("cairn.oidc.providers.mock.client-secret", () -> "cairn-secret");
	}

	@Test
	void aNewPersonSignsInAndGetsCairnTokens() throws Exception {
		String email = Accounts.uniqueEmail();
		Signed signed = signIn("sub-" + email, email, true);

		assertThat(signed.authorizeUrl()).contains("code_challenge=", "code_challenge_method=S256", "state=", "nonce=",
				"scope=openid");
		assertThat(signed.status()).isEqualTo(200);
		String accessToken = (String) signed.body().get("accessToken");
		assertThat((String) signed.body().get("refreshToken")).startsWith("cairn_rt_");
		this.client.get()
			.uri("/api/v1/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo(email)
			.jsonPath("$.emailVerified")
			.isEqualTo(true)
			.jsonPath("$.displayName")
			.isEqualTo("Olive Ide");

		// The same person again: the same account, now through the link.
		Signed again = signIn("sub-" + email, email, true);
		assertThat(again.status()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT count(*) FROM users WHERE email = :email")
			.param("email", email)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aVerifiedEmailLinksToTheExistingAccount() throws Exception {
		SignedIn existing = this.users.signedIn();
		Signed signed = signIn("sub-" + existing.userId(), existing.email(), true);
		assertThat(signed.status()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT user_id FROM user_identities WHERE provider = 'mock' AND subject = :subject")
			.param("subject", "sub-" + existing.userId())
			.query(java.util.UUID.class)
			.single()).isEqualTo(existing.userId());
	}

	@Test
	void anUnverifiedEmailNeverTakesOverAnExistingAccount() throws Exception {
		SignedIn existing = this.users.signedIn();
		Signed signed = signIn("attacker", existing.email(), false);
		assertThat(signed.status()).isEqualTo(401);
		assertThat(signed.body().get("code")).isEqualTo("invalid_credentials");
		assertThat(this.jdbc.sql("SELECT count(*) FROM user_identities WHERE user_id = :id")
			.param("id", existing.userId())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aCallbackWithAForgedStateIsRefused() throws Exception {
		HttpClient browser = browser();
		get(browser, "http://localhost:" + this.port + OidcConfiguration.BASE + "/mock");
		HttpResponse<String> forged = get(browser,
				"http://localhost:" + this.port + OidcConfiguration.BASE + "/mock/callback?code=anything&state=forged");
		assertThat(forged.statusCode()).isEqualTo(401);
	}

	@Test
	void anUnknownProviderIsNotFound() throws Exception {
		assertThat(get(browser(), "http://localhost:" + this.port + OidcConfiguration.BASE + "/nope").statusCode())
			.isEqualTo(404);
	}

	private Signed signIn(String subject, String email, boolean verified) throws Exception {
		provider.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, JOSEObjectType.JWT.getType(),
				List.of("cairn"), Map.of("email", email, "email_verified", verified, "name", "Olive Ide"), 3600));
		HttpClient browser = browser();
		HttpResponse<String> start = get(browser, "http://localhost:" + this.port + OidcConfiguration.BASE + "/mock");
		assertThat(start.statusCode()).isEqualTo(302);
		String authorize = start.headers().firstValue("Location").orElseThrow();
		HttpResponse<String> atProvider = get(browser, authorize);
		assertThat(atProvider.statusCode()).isEqualTo(302);
		HttpResponse<String> callback = get(browser, atProvider.headers().firstValue("Location").orElseThrow());
		return new Signed(authorize, callback.statusCode(), this.json.readValue(callback.body(), Map.class));
	}

	private static HttpClient browser() {
		return HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager())
			.build();
	}

	private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static MockOAuth2Server started() {
		MockOAuth2Server server = new MockOAuth2Server();
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
		return server;
	}

	private record Signed(String authorizeUrl, int status, Map<?, ?> body) {
	}

}
