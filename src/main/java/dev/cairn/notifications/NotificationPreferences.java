package dev.cairn.notifications;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's own notification settings: read, changed by a patch, and switched off one kind
 * at a time by an unsubscribe link.
 */
@Service
public class NotificationPreferences {

	/** What an unsubscribe link turns off besides the kinds: the digest. */
	static final String DIGEST = "dailyDigest";

	private final PreferenceRepository preferences;

	NotificationPreferences(PreferenceRepository preferences) {
		this.preferences = preferences;
	}

	@Transactional(readOnly = true)
	public Preferences get(UUID userId) {
		return this.preferences.find(userId);
	}

	/**
	 * Turns the switches the patch names on or off, the others as they were (read locked,
	 * so that two concurrent changes of different switches both count).
	 */
	@Transactional
	public Preferences update(UUID userId, PreferencesPatch patch) {
		Preferences changed = this.preferences.findForUpdate(userId).with(patch);
		this.preferences.save(userId, changed);
		return changed;
	}

	/**
	 * Turns off one kind of email ({@link Kind#value()}), or the digest
	 * ({@link #DIGEST}).
	 */
	@Transactional
	void unsubscribe(UUID userId, String what) {
		Preferences current = this.preferences.findForUpdate(userId);
		Preferences changed = DIGEST.equals(what) ? new Preferences(current.email(), current.inApp(), false)
				: new Preferences(current.email().with(Kind.of(what).orElseThrow(), false), current.inApp(),
						current.dailyDigest());
		this.preferences.save(userId, changed);
	}

	static boolean isUnsubscribable(String what) {
		return DIGEST.equals(what) || Kind.of(what).isPresent();
	}

}
