package dev.cairn.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A signing secret in the Standard Webhooks form, {@code whsec_<base64 of 24 to 64 random
 * bytes>}, and the signature it makes:
 * {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>}. Receivers verify with any
 * Standard Webhooks or Svix library.
 */
record WebhookSecret(String value) {

	static final String PREFIX = "whsec_";

	private static final Pattern FORM = Pattern.compile("whsec_[A-Za-z0-9+/]{32,88}={0,2}");

	private static final SecureRandom RANDOM = new SecureRandom();

	WebhookSecret {
		if (!isWellFormed(value)) {
			throw new IllegalArgumentException("not a webhook secret");
		}
	}

	/** A new secret of 32 random bytes. */
	static WebhookSecret generate() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
	}

	/** Whether a secret a client chose has the right form and strength. */
	static boolean isWellFormed(String value) {
		if (value == null || !FORM.matcher(value).matches()) {
			return false;
		}
		try {
			int length = Base64.getDecoder().decode(value.substring(PREFIX.length())).length;
			return length >= 24 && length <= 64;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * The signature of one attempt: {@code v1,} and the HMAC of
	 * {@code id + "." + timestamp + "." + body}.
	 */
	String sign(String id, long timestamp, byte[] body) {
		byte[] key = Base64.getDecoder().decode(this.value.substring(PREFIX.length()));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	@Override
	public String toString() {
		return "WebhookSecret[(redacted)]";
	}

}
