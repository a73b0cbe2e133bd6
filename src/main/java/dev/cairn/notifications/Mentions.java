package dev.cairn.notifications;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mentions in Markdown text: {@code @} followed by a user's email address, as in
 * {@code @ana@example.com}, case-insensitive. The {@code @} must not follow a character
 * that could belong to an address, so {@code ana@example.com} alone mentions nobody, and
 * punctuation after the address ({@code @ana@example.com.}) is not part of it.
 */
final class Mentions {

	/** At most this many people are mentioned by one text; the rest are ignored. */
	static final int MAX = 50;

	private static final Pattern MENTION = Pattern
		.compile("(?<![\\p{L}\\p{N}._%+@-])@([\\p{L}\\p{N}._%+-]{1,64}@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+)");

	private Mentions() {
	}

	/** The addresses mentioned in the text, lower case, in order of first mention. */
	static Set<String> in(String text) {
		Set<String> found = new LinkedHashSet<>();
		if (text == null) {
			return found;
		}
		Matcher matcher = MENTION.matcher(text);
		while (matcher.find() && found.size() < MAX) {
			String address = matcher.group(1).toLowerCase(Locale.ROOT);
			// A sentence may end right after the address: "ask @ana@example.com."
			found.add(address.replaceAll("[.-]+$", ""));
		}
		return found;
	}

	/** The addresses mentioned in {@code after} and not already in {@code before}. */
	static Set<String> added(String before, String after) {
		Set<String> added = in(after);
		added.removeAll(in(before));
		return added;
	}

}
