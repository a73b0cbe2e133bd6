package dev.cairn.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import dev.cairn.platform.SecretBox;

import org.springframework.stereotype.Component;

/**
 * The token in an unsubscribe link: the user, what to turn off and until when the link
 * works, with an HMAC under the server's key (a purpose of its own, so no other signed
 * value is ever accepted as one). It needs no sign-in, so that a mail client's one-click
 * unsubscribe (RFC 8058) works, and it can only ever turn one kind of email off for the
 * user it was made for.
 * <p>
 * It expires (docs/security.md): a mail forwarded, archived or leaked stays a switch over
 * someone's mail for a while, not for ever. An expired token is still read, since it is
 * genuine: the user signed in as its owner may still use it. Tokens of the first version
 * ({@code cairn.unsubscribe.v1}) carry no expiry and count as expired.
 */
@Component
class UnsubscribeTokens {

	private static final String PURPOSE = "cairn.unsubscribe.v2";

	private static final String VERSION = "v2";

	private static final String PURPOSE_V1 = "cairn.unsubscribe.v1";

	static final int MAX_LENGTH = 200;

	private final SecretBox box;

	private final Duration ttl;

	private final Clock clock;

	UnsubscribeTokens(SecretBox box, NotificationSettings settings, Clock clock) {
		this.box = box;
		this.ttl = settings.unsubscribeLinkTtl();
		this.clock = clock;
	}

	/**
	 * @param what a kind ({@link Kind#value()}) or {@link NotificationPreferences#DIGEST}
	 */
	String issue(UUID userId, String what) {
		long expires = this.clock.instant().plus(this.ttl).getEpochSecond();
		return encode(PURPOSE, VERSION + ":" + userId + ":" + what + ":" + expires);
	}

	/**
	 * The user, what to turn off and until when, when the token was made here and not
	 * altered, expired or not.
	 */
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
			String[] fields = new String(payload, StandardCharsets.UTF_8).split(":", -1);
			// The field count tells the version; the version's own purpose must verify
			// it, so a payload of one version is never read as the other's.
			boolean v2 = fields.length == 4 && VERSION.equals(fields[0]);
			if (!(v2 || fields.length == 2) || !MessageDigest.isEqual(Base64.getUrlDecoder().decode(parts[1]),
					signature(v2 ? PURPOSE : PURPOSE_V1, payload))) {
				return Optional.empty();
			}
			String what = v2 ? fields[2] : fields[1];
			if (!NotificationPreferences.isUnsubscribable(what)) {
				return Optional.empty();
			}
			Instant expires = v2 ? Instant.ofEpochSecond(Long.parseLong(fields[3])) : null;
			return Optional.of(new Unsubscribe(UUID.fromString(v2 ? fields[1] : fields[0]), what, expires));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private String encode(String purpose, String text) {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString(payload) + "." + base64.encodeToString(signature(purpose, payload));
	}

	private byte[] signature(String purpose, byte[] payload) {
		return Arrays.copyOf(this.box.mac(purpose, payload), 16);
	}

	/**
	 * @param expires when the link stops working without sign-in; null for a token of the
	 * first version, which has expired
	 */
	record Unsubscribe(UUID userId, String what, Instant expires) {

		boolean expiredAt(Instant now) {
			return this.expires == null || !now.isBefore(this.expires);
		}

	}

}
