package dev.cairn.notifications;

import java.util.UUID;

import org.springframework.context.ApplicationContext;

/**
 * For tests outside this package (the authorization matrix): an unsubscribe token as a
 * mail would carry it.
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

}
