package dev.cairn.auth;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.binary.Base32;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class TwoFactorApiTests extends ApiTestSupport {

	@Test
	void enrolmentThenSignInNeedsACodeThatWorksOnlyOnce() {
		SignedIn user = this.users.signedIn();
		Map<?, ?> enrolment = call("POST", "/api/v1/me/2fa/totp", user.bearer(), null).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		byte[] secret = new Base32().decode((String) enrolment.get("secret"));
		assertThat((String) enrolment.get("otpauthUri")).startsWith("otpauth://totp/Cairn%3A")
			.contains("secret=" + enrolment.get("secret"), "issuer=Cairn", "digits=6", "period=30");
		byte[] sealed = sealedSecret(user);
		assertThat(sealed).hasSize(1 + 12 + 20 + 16);
		assertThat(HexFormat.of().formatHex(sealed)).doesNotContain(HexFormat.of().formatHex(secret));

		call("POST", "/api/v1/me/2fa/totp/confirm", user.bearer(),
				Map.of("code", wrong(code(secret, 0)), "password", Accounts.PASSWORD))
			.expectStatus()
			.isEqualTo(422);
		// A stolen session alone cannot turn it on: the password is asked for.
		call("POST", "/api/v1/me/2fa/totp/confirm", user.bearer(),
				Map.of("code", code(secret, 0), "password", "not the password"))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("wrong_password");
		String enrolmentCode = code(secret, 0);
		Map<?, ?> confirmed = call("POST", "/api/v1/me/2fa/totp/confirm", user.bearer(),
				Map.of("code", enrolmentCode, "password", Accounts.PASSWORD))
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat((List<?>) confirmed.get("recoveryCodes")).hasSize(10)
			.allSatisfy((code) -> assertThat((String) code).matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"));

		String challenge = challenge(user);
		// The code that confirmed enrolment was used up; the next one works, once.
		secondFactor(challenge, Map.of("code", enrolmentCode)).expectStatus().isUnauthorized();
		String nextCode = code(secret, 1);
		secondFactor(challenge, Map.of("code", nextCode)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.accessToken")
			.isNotEmpty();
		secondFactor(challenge(user), Map.of("code", nextCode)).expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("invalid_second_factor");
	}

	@Test
	void aRecoveryCodeCompletesSignInOnce() {
		SignedIn user = this.users.signedIn();
		List<?> recoveryCodes = enable(user);
		String recoveryCode = ((String) recoveryCodes.get(3)).toUpperCase();

		secondFactor(challenge(user), Map.of("recoveryCode", recoveryCode)).expectStatus().isOk();
		secondFactor(challenge(user), Map.of("recoveryCode", recoveryCode)).expectStatus().isUnauthorized();
	}

	@Test
	void aChallengeDiesAfterFiveWrongCodesOrWhenItExpires() {
		SignedIn user = this.users.signedIn();
		enable(user);
		byte[] secret = secretOf(user);
		String challenge = challenge(user);
		for (int i = 0; i < 5; i++) {
			secondFactor(challenge, Map.of("code", wrong(code(secret, 1)))).expectStatus().isUnauthorized();
		}
		secondFactor(challenge, Map.of("code", code(secret, 1))).expectStatus().isUnauthorized();

		String expiring = challenge(user);
		this.jdbc.sql("UPDATE mfa_challenges SET expires_at = now() - interval '1 second' WHERE user_id = :id")
			.param("id", user.userId())
			.update();
		secondFactor(expiring, Map.of("code", code(secret, 1))).expectStatus().isUnauthorized();
	}

	@Test
	void turningItOffNeedsThePasswordAndACode() {
		SignedIn user = this.users.signedIn();
		enable(user);
		byte[] secret = secretOf(user);
		call("DELETE", "/api/v1/me/2fa/totp", user.bearer(),
				Map.of("password", "wrong password!", "code", code(secret, 1)))
			.expectStatus()
			.isEqualTo(422);
		call("DELETE", "/api/v1/me/2fa/totp", user.bearer(),
				Map.of("password", Accounts.PASSWORD, "code", wrong(code(secret, 1))))
			.expectStatus()
			.isEqualTo(422);
		call("DELETE", "/api/v1/me/2fa/totp", user.bearer(),
				Map.of("password", Accounts.PASSWORD, "code", code(secret, 1)))
			.expectStatus()
			.isNoContent();

		Accounts.signIn(this.client, user.email(), Accounts.PASSWORD);
	}

	@Test
	void personalAccessTokensCannotTouchTwoFactorAndAreUnaffectedByIt() {
		SignedIn user = this.users.signedIn();
		String pat = (String) call("POST", "/api/v1/me/tokens", user.bearer(),
				Map.of("name", "t", "scopes", List.of("read", "write", "admin")))
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("token");
		call("POST", "/api/v1/me/2fa/totp", "Bearer " + pat, null).expectStatus().isForbidden();
		enable(user);
		this.client.get()
			.uri("/api/v1/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + pat)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private List<?> enable(SignedIn user) {
		Map<?, ?> enrolment = call("POST", "/api/v1/me/2fa/totp", user.bearer(), null).expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		byte[] secret = new Base32().decode((String) enrolment.get("secret"));
		return (List<?>) call("POST", "/api/v1/me/2fa/totp/confirm", user.bearer(),
				Map.of("code", code(secret, 0), "password", Accounts.PASSWORD))
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("recoveryCodes");
	}

	private String challenge(SignedIn user) {
		Map<String, Object> answer = call("POST", "/api/v1/auth/login", null,
				Map.of("email", user.email(), "password", Accounts.PASSWORD))
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(answer).containsEntry("mfaRequired", true).doesNotContainKey("accessToken");
		return (String) answer.get("challenge");
	}

	private RestTestClient.ResponseSpec secondFactor(String challenge, Map<String, String> proof) {
		Map<String, String> body = new java.util.HashMap<>(proof);
		body.put("challenge", challenge);
		return call("POST", "/api/v1/auth/login/mfa", null, body);
	}

	private RestTestClient.ResponseSpec call(String method, String path, String authorization, Object body) {
		RestTestClient.RequestBodySpec request = this.client.method(HttpMethod.valueOf(method)).uri(path);
		if (authorization != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, authorization);
		}
		if (body != null) {
			return request.contentType(MediaType.APPLICATION_JSON).body(body).exchange();
		}
		return request.exchange();
	}

	private byte[] sealedSecret(SignedIn user) {
		return this.jdbc.sql("SELECT secret_encrypted FROM user_totp WHERE user_id = :id")
			.param("id", user.userId())
			.query(byte[].class)
			.single();
	}

	// Tests hold no copy of the secret after enable(); read it back as the server does.
	@Autowired
	private dev.cairn.platform.SecretBox box;

	private byte[] secretOf(SignedIn user) {
		return this.box.open(sealedSecret(user));
	}

	/** The code an authenticator app shows, {@code offset} steps from now. */
	private static String code(byte[] secret, int offset) {
		return Totp.codeAt(secret, Totp.stepAt(Instant.now()) + offset);
	}

	private static String wrong(String code) {
		return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
	}

}
