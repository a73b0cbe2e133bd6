package dev.cairn.auth;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two forms of an ES256 signature: both verify, only the low-s one is canonical, and
 * turning any signature into that form keeps it valid.
 */
class EcdsaSignaturesTests {

	private static final BigInteger N = new BigInteger(
			"FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

	@Test
	void everySignatureHasATwinAndOnlyItsLowFormIsCanonical() throws Exception {
		ECKey key = new ECKeyGenerator(Curve.P_256).generate();
		int high = 0;
		for (int i = 0; i < 200; i++) {
			JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("message " + i));
			jws.sign(new ECDSASigner(key));
			String signed = jws.serialize();
			String canonical = EcdsaSignatures.lowS(signed);
			String twin = twin(canonical);

			high += signed.equals(canonical) ? 0 : 1;
			assertThat(verifies(canonical, key)).isTrue();
			assertThat(verifies(twin, key)).as("the twin verifies too").isTrue();
			assertThat(EcdsaSignatures.isCanonical(canonical)).isTrue();
			assertThat(EcdsaSignatures.isCanonical(twin)).isFalse();
			assertThat(EcdsaSignatures.lowS(twin)).isEqualTo(canonical);
		}
		// About half of what the JDK signs comes out high: the test saw both forms.
		assertThat(high).isBetween(50, 150);
	}

	// The last of 86 base64url characters carries 2 bits of the signature and 4 spare
	// ones: a decoder ignores them, so one signature has 16 spellings.
	@Test
	void onlyTheOneSpellingOfASignatureIsCanonical() throws Exception {
		ECKey key = new ECKeyGenerator(Curve.P_256).generate();
		JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("message"));
		jws.sign(new ECDSASigner(key));
		String canonical = EcdsaSignatures.lowS(jws.serialize());
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		char last = canonical.charAt(canonical.length() - 1);
		int spelled = 0;
		for (char other : alphabet.toCharArray()) {
			String respelled = canonical.substring(0, canonical.length() - 1) + other;
			if (other != last && Arrays.equals(signature(respelled), signature(canonical))) {
				spelled++;
				assertThat(verifies(respelled, key)).as("the decoder ignores the spare bits").isTrue();
				assertThat(EcdsaSignatures.isCanonical(respelled)).isFalse();
			}
		}
		assertThat(spelled).isEqualTo(15);
		assertThat(EcdsaSignatures.isCanonical(canonical)).isTrue();
	}

	private static byte[] signature(String jws) {
		return Base64.getUrlDecoder().decode(jws.substring(jws.lastIndexOf('.') + 1));
	}

	@Test
	void whatIsNoES256SignatureIsLeftToTheVerifier() {
		assertThat(EcdsaSignatures.isCanonical("a.b.")).isTrue();
		assertThat(EcdsaSignatures.isCanonical("a.b.!!!")).isTrue();
		assertThat(EcdsaSignatures.isCanonical("no-dots")).isTrue();
	}

	/** The same token with the other signature of the pair: (r, n - s). */
	static String twin(String jws) {
		int dot = jws.lastIndexOf('.');
		byte[] signature = Base64.getUrlDecoder().decode(jws.substring(dot + 1));
		BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
		byte[] other = N.subtract(s).toByteArray();
		byte[] twin = Arrays.copyOf(signature, 64);
		Arrays.fill(twin, 32, 64, (byte) 0);
		int length = Math.min(other.length, 32);
		System.arraycopy(other, other.length - length, twin, 64 - length, length);
		return jws.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(twin);
	}

	private static boolean verifies(String jws, ECKey key) throws Exception {
		return JWSObject.parse(jws).verify(new ECDSAVerifier(key.toECPublicKey()));
	}

}
