package dev.cairn.projects;

import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.cairn.web.Checks;
import dev.cairn.web.Patch;

/**
 * The changes {@link Projects} takes, checked when built, so that every face (REST now;
 * GraphQL, imports, the web UI later) gets the same rules and the service a valid
 * command: names stripped.
 */
public final class ProjectCommands {

	static final String KEY_PATTERN = "^[A-Z][A-Z0-9]{1,9}$";

	static final String KEY_RULE = "must be 2 to 10 capital letters or digits, starting with a letter";

	static final int KEY_LENGTH = 10;

	static final int MAX_NAME = 200;

	static final int MAX_DESCRIPTION = 10_000;

	private static final Pattern KEY = Pattern.compile(KEY_PATTERN);

	private ProjectCommands() {
	}

	/**
	 * A new project.
	 *
	 * @param key the prefix of its task keys ({@code APOLLO} in {@code APOLLO-12}), which
	 * never changes
	 */
	public record CreateProject(String key, String name, @Nullable String description) {

		public CreateProject {
			Checks checks = new Checks();
			if (key == null || !KEY.matcher(key).matches()) {
				checks.reject("key", KEY_RULE);
			}
			name = checks.name("name", name, MAX_NAME);
			description = checks.text("description", description, MAX_DESCRIPTION);
			checks.rejectIfAny();
		}

	}

	/** A change to a project: its name cannot be cleared, its description can. */
	public record ProjectPatch(Patch<String> name, Patch<String> description) {

		public ProjectPatch {
			Checks checks = new Checks();
			name = checks.notCleared("name", name).map((value) -> checks.name("name", value, MAX_NAME));
			description = Objects.requireNonNull(description)
				.map((value) -> checks.text("description", value, MAX_DESCRIPTION));
			checks.rejectIfAny();
		}

	}

}
