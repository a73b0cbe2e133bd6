package dev.cairn.auth;

import java.util.List;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

class MeApiTests extends ApiTestSupport {

	@Test
	void mergePatchSetsClearsAndLeavesFieldsAlone() {
		SignedIn user = this.users.signedIn();
		patch(user, "{\"displayName\":\"Grace\",\"profile\":{\"bio\":\"Compilers\",\"timezone\":\"Europe/Berlin\"}}")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.displayName")
			.isEqualTo("Grace")
			.jsonPath("$.profile.bio")
			.isEqualTo("Compilers")
			.jsonPath("$.profile.timezone")
			.isEqualTo("Europe/Berlin");

		patch(user, "{\"profile\":{\"bio\":null,\"locale\":\"en-GB\"}}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.displayName")
			.isEqualTo("Grace")
			.jsonPath("$.profile.bio")
			.isEmpty()
			.jsonPath("$.profile.timezone")
			.isEqualTo("Europe/Berlin")
			.jsonPath("$.profile.locale")
			.isEqualTo("en-GB");
	}

	@Test
	@SuppressWarnings("unchecked")
	void invalidPatchesAreRefusedWholeAndChangeNothing() {
		SignedIn user = this.users.signedIn();
		patch(user,
				"{\"displayName\":null,\"email\":\"x@example.com\",\"profile\":{\"timezone\":\"Mars/Olympus\","
						+ "\"avatarUrl\":\"javascript:alert(1)\",\"bio\":7}}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("validation_failed")
			.jsonPath("$.errors[*].field")
			.value((fields) -> org.assertj.core.api.Assertions.assertThat((List<Object>) fields)
				.containsExactlyInAnyOrder("email", "displayName", "profile.bio", "profile.timezone",
						"profile.avatarUrl"));
		patch(user, "[1,2]").expectStatus().isBadRequest();
		this.client.get()
			.uri("/api/v1/me")
			.header(HttpHeaders.AUTHORIZATION, user.bearer())
			.exchange()
			.expectBody()
			.jsonPath("$.displayName")
			.isEqualTo("Test User")
			.jsonPath("$.profile.timezone")
			.isEmpty();
	}

	private RestTestClient.ResponseSpec patch(SignedIn user, String body) {
		return this.client.patch()
			.uri("/api/v1/me")
			.header(HttpHeaders.AUTHORIZATION, user.bearer())
			.contentType(MediaType.valueOf("application/merge-patch+json"))
			.body(body)
			.exchange();
	}

}
