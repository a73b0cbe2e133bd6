package dev.cairn.auth;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;

/**
 * One signature per token. An ECDSA signature (r, s) has a twin, (r, n - s), that
 * verifies just as well, so anyone holding a token could make a second text of it;
 * {@link VerifiedTokens} would then hold two entries for one token, and a deny-list keyed
 * by the token's text would miss the twin. Cairn signs with the low s (at most n / 2, the
 * form Bitcoin and Ethereum require) and refuses the high one as non-canonical, and with
 * it any other spelling of the signature's base64url.
 */
final class EcdsaSignatures {

	/** The order of P-256's base point (FIPS 186-4, D.1.2.3). */
	private static final BigInteger N = new BigInteger(
			"FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

	private static final BigInteger HALF_N = N.shiftRight(1);

	/**
	 * ES256 signatures in a JWS are r and s, 32 bytes each, big-endian (RFC 7518 3.4).
	 */
	private static final int PART = 32;

	private EcdsaSignatures() {
	}

	/** The compact JWS with its signature in the low-s form (unchanged when it is). */
	static String lowS(String jws) {
		int dot = jws.lastIndexOf('.');
		byte[] signature = Base64.getUrlDecoder().decode(jws.substring(dot + 1));
		if (signature.length != 2 * PART) {
			throw new IllegalArgumentException("not an ES256 signature");
		}
		BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, PART, 2 * PART));
		if (s.compareTo(HALF_N) <= 0) {
			return jws;
		}
		byte[] twin = N.subtract(s).toByteArray();
		byte[] fixed = Arrays.copyOf(signature, 2 * PART);
		Arrays.fill(fixed, PART, 2 * PART, (byte) 0);
		int length = Math.min(twin.length, PART);
		System.arraycopy(twin, twin.length - length, fixed, 2 * PART - length, length);
		return jws.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
	}

	/**
	 * False for a well-formed ES256 signature whose s is above n / 2, or whose base64url
	 * text is not the one spelling of its bytes (86 characters carry 512 bits and 4 spare
	 * ones, which a decoder ignores: 16 texts of one signature); anything else is left to
	 * the full verification to accept or refuse.
	 */
	static boolean isCanonical(String jws) {
		int dot = jws.lastIndexOf('.');
		if (dot < 0) {
			return true;
		}
		String text = jws.substring(dot + 1);
		try {
			byte[] signature = Base64.getUrlDecoder().decode(text);
			if (signature.length != 2 * PART) {
				return true;
			}
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature).equals(text)
					&& new BigInteger(1, Arrays.copyOfRange(signature, PART, 2 * PART)).compareTo(HALF_N) <= 0;
		}
		catch (IllegalArgumentException ex) {
			return true;
		}
	}

}
