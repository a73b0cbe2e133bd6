package dev.cairn.testing;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Makes users through the public API, each with a fresh address, so tests never share
 * accounts.
 */
public final class Accounts {

	public static final String PASSWORD = "lantern orbit granite 47";

	private Accounts() {
	}

	public static String uniqueEmail() {
		return "user-" + UUID.randomUUID() + "@example.com";
	}

	/** Registers a new user and signs in. */
	public static SignedIn signUp(RestTestClient client) {
		String email = uniqueEmail();
		Map<?, ?> user = post(client, "/api/v1/auth/register",
				Map.of("email", email, "password", PASSWORD, "displayName", "Test User"));
		SignedIn signedIn = signIn(client, email, PASSWORD);
		return new SignedIn(UUID.fromString((String) user.get("id")), email, signedIn.accessToken(),
				signedIn.refreshToken());
	}

	public static SignedIn signIn(RestTestClient client, String email, String password) {
		Map<?, ?> tokens = post(client, "/api/v1/auth/login", Map.of("email", email, "password", password));
		return new SignedIn(null, email, (String) tokens.get("accessToken"), (String) tokens.get("refreshToken"));
	}

	public static Map<?, ?> post(RestTestClient client, String path, Object body) {
		return client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	public record SignedIn(UUID userId, String email, String accessToken, String refreshToken) {

		public String bearer() {
			return "Bearer " + this.accessToken;
		}

	}

}
