package dev.cairn.auth;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

/**
 * Every way of forging or bending an access token ends in 401 with WWW-Authenticate.
 */
class ForgedTokenTests extends ApiTestSupport {

	@Autowired
	private SigningKeys keys;

	@Autowired
	private AuthSettings settings;

	@Test
	void aGenuineTokenWorks() throws Exception {
		expectOk(sign(this.keys.signingKey(), claims().build()));
	}

	@Test
	void aChangedPayloadIsRefused() {
		String token = this.users.signedIn().accessToken();
		String[] parts = token.split("\\.");
		String otherPayload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("{\"sub\":\"" + UUID.randomUUID() + "\",\"iss\":\"" + this.settings.issuer()
					+ "\",\"aud\":\"cairn-api\",\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}")
				.getBytes());
		expectRefused(parts[0] + "." + otherPayload + "." + parts[2]);
	}

	@Test
	void algNoneIsRefused() {
		String header = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("{\"alg\":\"none\",\"kid\":\"" + this.keys.signingKey().getKeyID() + "\"}").getBytes());
		String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(claims().build().toString().getBytes());
		expectRefused(header + "." + payload + ".");
	}

	@Test
	void hs256SignedWithThePublicKeyIsRefused() throws Exception {
		byte[] publicKey = this.keys.signingKey().toPublicJWK().toJSONString().getBytes();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(this.keys.signingKey().getKeyID()).build(),
				claims().build());
		jwt.sign(new MACSigner(java.util.Arrays.copyOf(publicKey, 64)));
		expectRefused(jwt.serialize());
	}

	@Test
	void aKeyWeDoNotKnowIsRefused() throws Exception {
		ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("stranger").generate();
		expectRefused(sign(stranger, claims().build()));
		// Even one that claims the kid of our key.
		ECKey impostor = new ECKeyGenerator(Curve.P_256).keyID(this.keys.signingKey().getKeyID()).generate();
		expectRefused(sign(impostor, claims().build()));
	}

	@Test
	void expiredWrongAudienceWrongIssuerAndMissingSubjectAreRefused() throws Exception {
		Instant past = Instant.now().minusSeconds(3600);
		expectRefused(sign(this.keys.signingKey(),
				claims().issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(900))).build()));
		expectRefused(sign(this.keys.signingKey(), claims().audience("someone-else").build()));
		expectRefused(sign(this.keys.signingKey(), claims().issuer("https://evil.example").build()));
		expectRefused(sign(this.keys.signingKey(), claims().subject(null).build()));
		expectRefused(sign(this.keys.signingKey(), claims().expirationTime(null).build()));
	}

	@Test
	void aTruncatedSignatureIsRefused() throws Exception {
		String token = sign(this.keys.signingKey(), claims().build());
		expectRefused(token.substring(0, token.length() - 4));
	}

	// (r, n - s) verifies as well as (r, s): refused, so one token has one text (one
	// entry in the verified-token cache).
	@Test
	void theTwinOfAGenuineSignatureIsRefused() {
		Accounts.SignedIn user = this.users.signedIn();
		String token = user.accessToken();
		String twin = EcdsaSignaturesTests.twin(token);
		this.client.get()
			.uri("/api/v1/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk();
		expectRefused(twin);
	}

	@Test
	void garbageIsRefused() {
		expectRefused("not-a-jwt");
		expectRefused("a.b.c");
	}

	private JWTClaimsSet.Builder claims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(this.settings.issuer())
			.audience("cairn-api")
			.subject(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(600)))
			.jwtID(UUID.randomUUID().toString());
	}

	private static String sign(ECKey key, JWTClaimsSet claims) throws Exception {
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
				claims);
		jwt.sign(new ECDSASigner(key));
		// As Cairn signs: in the low-s form, which is the only one it accepts.
		return EcdsaSignatures.lowS(jwt.serialize());
	}

	private void expectOk(String token) {
		// A valid token for a user that does not exist reaches the controller:
		// 404, not 401.
		this.client.get()
			.uri("/api/v1/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private void expectRefused(String token) {
		this.client.get()
			.uri("/api/v1/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer .*error=\"invalid_token\".*")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("invalid_token");
	}

}
