package dev.cairn.notifications;

import java.util.Map;

import dev.cairn.web.InvalidInput;
import dev.cairn.web.Patch;

/**
 * A change to a user's notification settings: per channel, the switches it turns on or
 * off (the others left alone), and the daily digest, which is on or off but never
 * cleared.
 *
 * @param email the kinds of mail turned on ({@code true}) or off
 * @param inApp the kinds of in-app notification turned on or off
 */
public record PreferencesPatch(Map<Kind, Boolean> email, Map<Kind, Boolean> inApp, Patch<Boolean> dailyDigest) {

	public PreferencesPatch {
		email = Map.copyOf(email);
		inApp = Map.copyOf(inApp);
		if (dailyDigest instanceof Patch.Cleared) {
			throw new InvalidInput(NotificationPreferences.DIGEST, "must not be null");
		}
	}

}
