package dev.cairn.accounts;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import dev.cairn.web.FieldError;
import dev.cairn.web.InvalidInput;
import dev.cairn.web.Patch;

/**
 * A change to the caller's own profile: each field absent (left alone), cleared or set;
 * the display name cannot be cleared, and is kept stripped. Checked when built, every
 * broken rule listed at once, so that every face has the same rules; fields are named as
 * the API names them ({@code profile.timezone}).
 */
public record ProfilePatch(Patch<String> displayName, Patch<String> bio, Patch<String> timezone, Patch<String> locale,
		Patch<String> avatarUrl) {

	static final int MAX_DISPLAY_NAME = 100;

	static final int MAX_BIO = 2000;

	static final int MAX_TIMEZONE = 64;

	static final int MAX_LOCALE = 35;

	static final int MAX_AVATAR_URL = 2048;

	public ProfilePatch {
		List<FieldError> errors = new ArrayList<>();
		if (displayName instanceof Patch.Cleared) {
			errors.add(new FieldError("displayName", "must not be null"));
		}
		if (displayName instanceof Patch.Set<String> set) {
			if (set.value().isBlank()) {
				errors.add(new FieldError("displayName", "must not be blank"));
			}
			else if (tooLong(set.value(), MAX_DISPLAY_NAME)) {
				errors.add(new FieldError("displayName", "must be at most " + MAX_DISPLAY_NAME + " characters"));
			}
			else {
				displayName = Patch.of(set.value().strip());
			}
		}
		check(bio, "profile.bio", MAX_BIO, (value) -> true, null, errors);
		check(timezone, "profile.timezone", MAX_TIMEZONE, ProfilePatch::isZone,
				"must be an IANA time zone such as Europe/Berlin", errors);
		check(locale, "profile.locale", MAX_LOCALE, ProfilePatch::isLanguageTag,
				"must be a BCP 47 language tag such as en-GB", errors);
		check(avatarUrl, "profile.avatarUrl", MAX_AVATAR_URL, ProfilePatch::isWebUrl, "must be an http or https URL",
				errors);
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
	}

	/** A field that may be cleared: when set, not too long and of its form. */
	private static void check(Patch<String> field, String name, int maxLength, Predicate<String> form, String rule,
			List<FieldError> errors) {
		if (field instanceof Patch.Set<String> set) {
			if (tooLong(set.value(), maxLength)) {
				errors.add(new FieldError(name, "must be at most " + maxLength + " characters"));
			}
			else if (!form.test(set.value())) {
				errors.add(new FieldError(name, rule));
			}
		}
	}

	private static boolean tooLong(String value, int maxLength) {
		return value.codePointCount(0, value.length()) > maxLength;
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
