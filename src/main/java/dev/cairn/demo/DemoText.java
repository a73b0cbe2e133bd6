package dev.cairn.demo;

import java.util.List;
import java.util.Random;

/**
 * Plausible task titles, descriptions and comments, assembled from fixed phrases.
 */
final class DemoText {

	private static final List<String> VERBS = List.of("Fix", "Add", "Improve", "Remove", "Document", "Refactor",
			"Investigate", "Speed up", "Migrate", "Test");

	private static final List<String> THINGS = List.of("login form", "task list filters", "webhook retries",
			"search ranking", "CSV import", "due date reminders", "dark mode", "label colours", "API rate limits",
			"backup job", "onboarding emails", "board drag and drop", "audit log", "project settings page",
			"database indexes", "error messages", "mobile layout", "password reset flow", "Slack integration",
			"release notes");

	private static final List<String> DETAILS = List.of("for large projects", "on slow networks",
			"after the last release", "for new users", "in the admin area", "under load", "for screen readers",
			"when the session expires", "", "", "");

	private static final List<String> COMMENTS = List.of("I can reproduce this on the latest build.",
			"Looks good to me, merging.", "Can we split this into two tasks?", "Blocked until the API change lands.",
			"I pushed a first draft, feedback welcome.", "This also affects the mobile app.",
			"Moved to next week, we ran out of time.", "Added a test that covers the edge case.",
			"Customer reported this again today.", "Done, please verify on staging.");

	private DemoText() {
	}

	static String title(Random random) {
		String detail = pick(random, DETAILS);
		return pick(random, VERBS) + " " + pick(random, THINGS) + (detail.isEmpty() ? "" : " " + detail);
	}

	static String description(Random random) {
		if (random.nextInt(3) == 0) {
			return null;
		}
		return "## Context\n\n" + pick(random, COMMENTS) + "\n\n## Acceptance\n\n- [ ] " + title(random) + "\n- [ ] "
				+ title(random) + "\n";
	}

	static String comment(Random random) {
		return pick(random, COMMENTS);
	}

	private static String pick(Random random, List<String> items) {
		return items.get(random.nextInt(items.size()));
	}

}
