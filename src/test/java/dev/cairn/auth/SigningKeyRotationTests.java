package dev.cairn.auth;

import java.text.ParseException;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSObject;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeyRotationTests extends ApiTestSupport {

	@Autowired
	private SigningKeys keys;

	@Test
	void afterARotationOldTokensStillWorkAndTheJwksPublishesBothKeys() throws Exception {
		SignedIn before = this.users.signedIn();
		String oldKid = kid(before.accessToken());

		this.keys.rotate();

		SignedIn after = Accounts.signIn(this.client, before.email(), Accounts.PASSWORD);
		String newKid = kid(after.accessToken());
		assertThat(newKid).isNotEqualTo(oldKid);
		for (SignedIn session : List.of(before, after)) {
			this.client.get()
				.uri("/api/v1/me")
				.header(HttpHeaders.AUTHORIZATION, session.bearer())
				.exchange()
				.expectStatus()
				.isOk();
		}
		Map<?, ?> jwks = this.client.get()
			.uri("/.well-known/jwks.json")
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(((List<?>) jwks.get("keys")).stream().map((key) -> (Object) ((Map<?, ?>) key).get("kid")))
			.contains(oldKid, newKid);
	}

	@Test
	void privateKeysAreStoredSealedNotInTheClear() {
		this.keys.signingKey();
		assertThat(this.jdbc.sql("SELECT private_key_pem FROM signing_keys").query(String.class).list()).isNotEmpty()
			.allSatisfy((stored) -> assertThat(stored).startsWith("sealed:v1:").doesNotContain("PRIVATE KEY"));
	}

	private static String kid(String jwt) throws ParseException {
		return JWSObject.parse(jwt).getHeader().getKeyID();
	}

}
