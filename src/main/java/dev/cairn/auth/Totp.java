package dev.cairn.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1,
 * six digits, 30-second steps. A code is accepted one step early or late (clock drift)
 * and only for a step later than the last one accepted (no replay).
 */
final class Totp {

	private static final Duration STEP = Duration.ofSeconds(30);

	private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP, 6,
			TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	/** A new 160-bit shared secret. */
	static byte[] newSecret() {
		byte[] secret = new byte[20];
		RANDOM.nextBytes(secret);
		return secret;
	}

	static String base32(byte[] secret) {
		return new Base32().encodeAsString(secret).replace("=", "");
	}

	/** The URI authenticator apps read from a QR code. */
	static String otpauthUri(byte[] secret, String issuer, String account) {
		String label = URLEncoder.encode(issuer + ":" + account, StandardCharsets.UTF_8).replace("+", "%20");
		return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer="
				+ URLEncoder.encode(issuer, StandardCharsets.UTF_8).replace("+", "%20")
				+ "&algorithm=SHA1&digits=6&period=30";
	}

	/**
	 * @param lastUsedStep the last step accepted for this secret, or null
	 * @return the step the code belongs to, if it is valid now and new
	 */
	static OptionalLong verify(byte[] secret, String code, Instant now, Long lastUsedStep) {
		if (code == null || !code.strip().matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		long current = now.getEpochSecond() / STEP.toSeconds();
		for (long step = current - 1; step <= current + 1; step++) {
			if (lastUsedStep != null && step <= lastUsedStep) {
				continue;
			}
			if (codeAt(secret, step).equals(code.strip())) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	/** The code for a time step; tests use it as an authenticator app would. */
	static String codeAt(byte[] secret, long step) {
		try {
			return String.format(Locale.ROOT, "%06d", GENERATOR.generateOneTimePassword(
					new SecretKeySpec(secret, "HmacSHA1"), Instant.ofEpochSecond(step * STEP.toSeconds())));
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static long stepAt(Instant instant) {
		return instant.getEpochSecond() / STEP.toSeconds();
	}

}
