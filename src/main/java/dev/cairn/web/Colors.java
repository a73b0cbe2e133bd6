package dev.cairn.web;

import java.util.regex.Pattern;

/**
 * The one way a colour is written in the API, {@code #rrggbb} (labels, field options),
 * and how a field error says it is not.
 */
public final class Colors {

	/** A colour, as a validation annotation's pattern. */
	public static final String PATTERN = "#[0-9a-fA-F]{6}";

	/** The field error for text that is no colour. */
	public static final String RULE = "must be a hex colour such as #2563eb";

	/** The length of every colour. */
	public static final int LENGTH = 7;

	private static final Pattern COLOR = Pattern.compile(PATTERN);

	private Colors() {
	}

	public static boolean isColor(String text) {
		return COLOR.matcher(text).matches();
	}

}
