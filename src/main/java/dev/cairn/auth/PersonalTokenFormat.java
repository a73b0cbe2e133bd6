package dev.cairn.auth;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * The shape of a personal access token: {@code cairn_pat_}, 40 base62 characters of
 * randomness (238 bits), and a 6-character base62 CRC32 of what precedes it. The fixed
 * prefix and the checksum let secret scanners (GitHub, GitGuardian) recognize a leaked
 * token with no false positives, and let Cairn reject a mistyped one without a lookup.
 */
final class PersonalTokenFormat {

	static final String PREFIX = "cairn_pat_";

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final int RANDOM_LENGTH = 40;

	private static final int CHECKSUM_LENGTH = 6;

	private static final SecureRandom RANDOM = new SecureRandom();

	private PersonalTokenFormat() {
	}

	static String generate() {
		StringBuilder token = new StringBuilder(PREFIX);
		for (int i = 0; i < RANDOM_LENGTH; i++) {
			token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return token.append(checksum(token.toString())).toString();
	}

	/** Whether the text has the shape of a token and a correct checksum. */
	static boolean isWellFormed(String token) {
		if (token == null || token.length() != PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH
				|| !token.startsWith(PREFIX)) {
			return false;
		}
		for (int i = PREFIX.length(); i < token.length(); i++) {
			if (ALPHABET.indexOf(token.charAt(i)) < 0) {
				return false;
			}
		}
		int split = token.length() - CHECKSUM_LENGTH;
		return checksum(token.substring(0, split)).equals(token.substring(split));
	}

	/** The start of the token, safe to show in lists so a user can tell tokens apart. */
	static String hint(String token) {
		return token.substring(0, PREFIX.length() + 4);
	}

	private static String checksum(String text) {
		CRC32 crc = new CRC32();
		crc.update(text.getBytes(StandardCharsets.US_ASCII));
		BigInteger value = BigInteger.valueOf(crc.getValue());
		StringBuilder encoded = new StringBuilder();
		BigInteger base = BigInteger.valueOf(ALPHABET.length());
		for (int i = 0; i < CHECKSUM_LENGTH; i++) {
			BigInteger[] division = value.divideAndRemainder(base);
			encoded.append(ALPHABET.charAt(division[1].intValue()));
			value = division[0];
		}
		return encoded.reverse().toString();
	}

}
