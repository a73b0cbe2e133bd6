package dev.cairn.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import dev.cairn.platform.SecretBox;

import org.springframework.context.ApplicationContext;

/**
 * For tests outside this package (the authorization matrix): unsubscribe tokens as mails
 * would carry them.
 */
public final class NotificationFixtures {

	private NotificationFixtures() {
	}

	/**
	 * @param what a kind ({@code assigned}, ...) or {@code dailyDigest}
	 */
	public static String unsubscribeToken(ApplicationContext context, UUID userId, String what) {
		return context.getBean(UnsubscribeTokens.class).issue(userId, what);
	}

	/** A token as a mail sent at {@code sentAt} carries it. */
	public static String unsubscribeToken(ApplicationContext context, UUID userId, String what, Instant sentAt) {
		return new UnsubscribeTokens(context.getBean(SecretBox.class), context.getBean(NotificationSettings.class),
				Clock.fixed(sentAt, ZoneOffset.UTC))
			.issue(userId, what);
	}

	/**
	 * A token of the first version ({@code cairn.unsubscribe.v1}, no expiry), made as
	 * Cairn made them before.
	 */
	public static String firstVersionUnsubscribeToken(SecretBox box, UUID userId, String what) {
		byte[] payload = (userId + ":" + what).getBytes(StandardCharsets.UTF_8);
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString(payload) + "."
				+ base64.encodeToString(Arrays.copyOf(box.mac("cairn.unsubscribe.v1", payload), 16));
	}

}
