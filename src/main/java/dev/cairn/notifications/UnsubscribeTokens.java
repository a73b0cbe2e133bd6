package dev.cairn.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import dev.cairn.platform.SecretBox;

import org.springframework.stereotype.Component;

/**
 * The token in an unsubscribe link: the user and what to turn off, with an HMAC under the
 * server's key (a purpose of its own, so no other signed value is ever accepted as one).
 * It needs no sign-in, so that a mail client's one-click unsubscribe (RFC 8058) works,
 * and it can only ever turn one kind of email off for the user it was made for. It does
 * not expire: an unsubscribe link in an old mail should still work.
 */
@Component
class UnsubscribeTokens {

	private static final String PURPOSE = "cairn.unsubscribe.v1";

	static final int MAX_LENGTH = 200;

	private final SecretBox box;

	UnsubscribeTokens(SecretBox box) {
		this.box = box;
	}

	/**
	 * @param what a kind ({@link Kind#value()}) or {@link NotificationPreferences#DIGEST}
	 */
	String issue(UUID userId, String what) {
		byte[] payload = (userId + ":" + what).getBytes(StandardCharsets.UTF_8);
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString(payload) + "." + base64.encodeToString(signature(payload));
	}

	/** The user and what to turn off, when the token was made here and not altered. */
	Optional<Unsubscribe> read(String token) {
		if (token == null || token.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		try {
			String[] parts = token.split("\\.", -1);
			if (parts.length != 2) {
				return Optional.empty();
			}
			byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
			if (!MessageDigest.isEqual(Base64.getUrlDecoder().decode(parts[1]), signature(payload))) {
				return Optional.empty();
			}
			String[] fields = new String(payload, StandardCharsets.UTF_8).split(":", -1);
			if (fields.length != 2 || !NotificationPreferences.isUnsubscribable(fields[1])) {
				return Optional.empty();
			}
			return Optional.of(new Unsubscribe(UUID.fromString(fields[0]), fields[1]));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private byte[] signature(byte[] payload) {
		return Arrays.copyOf(this.box.mac(PURPOSE, payload), 16);
	}

	record Unsubscribe(UUID userId, String what) {
	}

}
