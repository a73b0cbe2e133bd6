package dev.cairn.web;

/**
 * What text Cairn accepts anywhere (bodies, query parameters, headers): PostgreSQL cannot
 * store the NUL character (it fails the statement with {@code invalid byte sequence}),
 * and Java would write an unpaired surrogate as {@code ?}, changing what was sent. Both
 * are refused at the edge, naming the field, so neither reaches SQL nor turns into a 500.
 */
final class TextInput {

	static final String NUL = "must not contain the NUL character (U+0000)";

	static final String UNPAIRED_SURROGATE = "must be valid Unicode text (it has an unpaired surrogate)";

	private TextInput() {
	}

	/** Why {@code text} is refused, or null when it is acceptable. */
	static String problem(CharSequence text) {
		for (int i = 0, length = text.length(); i < length; i++) {
			char c = text.charAt(i);
			if (c == '\0') {
				return NUL;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return UNPAIRED_SURROGATE;
			}
			if (Character.isLowSurrogate(c)) {
				return UNPAIRED_SURROGATE;
			}
		}
		return null;
	}

}
