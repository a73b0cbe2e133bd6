package dev.cairn.comments;

import dev.cairn.web.Checks;

/**
 * The text of a new or edited comment, checked when built (not blank, at most
 * {@link #MAX_BODY} characters) and stripped, whichever face it comes from.
 */
record CommentText(String body) {

	static final int MAX_BODY = 20_000;

	CommentText {
		Checks checks = new Checks();
		body = checks.name("body", body, MAX_BODY);
		checks.rejectIfAny();
	}

}
