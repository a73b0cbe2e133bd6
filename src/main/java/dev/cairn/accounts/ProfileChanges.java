package dev.cairn.accounts;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

import dev.cairn.web.MergePatch;
import dev.cairn.web.MergePatch.Change;
import tools.jackson.databind.JsonNode;

/**
 * A validated {@code PATCH /me}: {@code displayName} and the {@code profile} fields, each
 * null when the patch leaves it alone.
 */
record ProfileChanges(Change<String> displayName, Change<String> bio, Change<String> timezone, Change<String> locale,
		Change<String> avatarUrl) {

	static ProfileChanges from(JsonNode body) {
		MergePatch patch = MergePatch.of(body, Set.of("displayName", "profile"));
		Change<String> displayName = patch.text("displayName", 100, false).orElse(null);
		if (displayName != null && displayName.value().isBlank()) {
			patch.reject("displayName", "must not be blank");
		}
		Change<String> bio = null;
		Change<String> timezone = null;
		Change<String> locale = null;
		Change<String> avatarUrl = null;
		var profile = patch.object("profile", Set.of("bio", "timezone", "locale", "avatarUrl"));
		if (profile.isPresent()) {
			MergePatch fields = profile.get();
			bio = fields.text("bio", 2000, true).orElse(null);
			timezone = fields.text("timezone", 64, true).orElse(null);
			if (timezone != null && timezone.value() != null && !isZone(timezone.value())) {
				fields.reject("timezone", "must be an IANA time zone such as Europe/Berlin");
			}
			locale = fields.text("locale", 35, true).orElse(null);
			if (locale != null && locale.value() != null && !isLanguageTag(locale.value())) {
				fields.reject("locale", "must be a BCP 47 language tag such as en-GB");
			}
			avatarUrl = fields.text("avatarUrl", 2048, true).orElse(null);
			if (avatarUrl != null && avatarUrl.value() != null && !isWebUrl(avatarUrl.value())) {
				fields.reject("avatarUrl", "must be an http or https URL");
			}
		}
		patch.validate();
		return new ProfileChanges(displayName, bio, timezone, locale, avatarUrl);
	}

	private static boolean isZone(String value) {
		try {
			return ZoneId.getAvailableZoneIds().contains(ZoneId.of(value).getId()) || "UTC".equals(value);
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	private static boolean isLanguageTag(String value) {
		try {
			new Locale.Builder().setLanguageTag(value);
			return true;
		}
		catch (IllformedLocaleException ex) {
			return false;
		}
	}

	private static boolean isWebUrl(String value) {
		try {
			URI uri = new URI(value);
			return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (Exception ex) {
			return false;
		}
	}

}
