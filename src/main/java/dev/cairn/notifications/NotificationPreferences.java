package dev.cairn.notifications;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import dev.cairn.notifications.Preferences.Channel;
import dev.cairn.web.MergePatch;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's own notification settings: read, changed by merge patch, and switched off one
 * kind at a time by an unsubscribe link.
 */
@Service
class NotificationPreferences {

	/** What an unsubscribe link turns off besides the kinds: the digest. */
	static final String DIGEST = "dailyDigest";

	private static final Set<String> KINDS = Arrays.stream(Kind.values())
		.map(Kind::value)
		.collect(Collectors.toUnmodifiableSet());

	private final PreferenceRepository preferences;

	NotificationPreferences(PreferenceRepository preferences) {
		this.preferences = preferences;
	}

	@Transactional(readOnly = true)
	Preferences get(UUID userId) {
		return this.preferences.find(userId);
	}

	/**
	 * Applies a JSON Merge Patch such as {@code {"email": {"commented": false}}}. Every
	 * switch is a boolean; none may be null.
	 */
	@Transactional
	Preferences update(UUID userId, JsonNode body) {
		MergePatch patch = MergePatch.of(body, Set.of("email", "inApp", DIGEST));
		for (String channel : new String[] { "email", "inApp" }) {
			if (body.has(channel) && body.get(channel).isNull()) {
				patch.reject(channel, "must not be null");
			}
		}
		Map<Kind, Boolean> email = switches(patch.object("email", KINDS));
		Map<Kind, Boolean> inApp = switches(patch.object("inApp", KINDS));
		Optional<Boolean> digest = patch.bool(DIGEST);
		patch.validate();
		Preferences current = this.preferences.findForUpdate(userId);
		Preferences changed = new Preferences(apply(current.email(), email), apply(current.inApp(), inApp),
				digest.orElse(current.dailyDigest()));
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

	private static Map<Kind, Boolean> switches(Optional<MergePatch> channel) {
		Map<Kind, Boolean> switches = new EnumMap<>(Kind.class);
		channel.ifPresent((patch) -> {
			for (Kind kind : Kind.values()) {
				patch.bool(kind.value()).ifPresent((on) -> switches.put(kind, on));
			}
		});
		return switches;
	}

	private static Channel apply(Channel channel, Map<Kind, Boolean> switches) {
		Channel result = channel;
		for (Map.Entry<Kind, Boolean> change : switches.entrySet()) {
			result = result.with(change.getKey(), change.getValue());
		}
		return result;
	}

}
