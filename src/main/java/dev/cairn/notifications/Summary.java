package dev.cairn.notifications;

import java.time.LocalDate;

/**
 * What a notification says, kept with it as it was when it was made (a later rename of
 * the task does not rewrite the feed).
 */
record Summary(String taskKey, String taskTitle, String actorName, String excerpt, LocalDate dueDate) {

	/** The longest excerpt kept, in characters. */
	static final int EXCERPT = 280;

	static String excerpt(String text) {
		if (text == null) {
			return null;
		}
		String flat = text.strip().replaceAll("\\s+", " ");
		return (flat.codePointCount(0, flat.length()) <= EXCERPT) ? flat
				: flat.substring(0, flat.offsetByCodePoints(0, EXCERPT - 1)) + "…";
	}

}
