package dev.cairn.projects;

import org.jspecify.annotations.Nullable;

import dev.cairn.web.Checks;
import dev.cairn.web.Patch;

/**
 * The changes {@link Statuses} takes, checked when built, so that every face (REST now;
 * GraphQL, imports, the web UI later) gets the same rules and the service a valid
 * command: names stripped. A position past the last status puts it last.
 */
public final class StatusCommands {

	static final int MAX_NAME = 50;

	/** The highest position a new status may ask for; beyond the last is last. */
	static final int MAX_POSITION = 1000;

	static final String POSITION_RULE = "must be a whole number from 0";

	private StatusCommands() {
	}

	/**
	 * A new status.
	 *
	 * @param position its place on the board, 0 first; null puts it last
	 */
	public record CreateStatus(String name, StatusCategory category, @Nullable Integer position) {

		public CreateStatus {
			Checks checks = new Checks();
			name = checks.name("name", name, MAX_NAME);
			if (category == null) {
				checks.reject("category", "must not be null");
			}
			if (position != null && (position < 0 || position > MAX_POSITION)) {
				checks.reject("position", "must be from 0 to " + MAX_POSITION);
			}
			checks.rejectIfAny();
		}

	}

	/** A change to a status: rename, recategorize, move; nothing of it can be cleared. */
	public record StatusPatch(Patch<String> name, Patch<StatusCategory> category, Patch<Integer> position) {

		public StatusPatch {
			Checks checks = new Checks();
			name = checks.notCleared("name", name).map((value) -> checks.name("name", value, MAX_NAME));
			category = checks.notCleared("category", category);
			if (position instanceof Patch.Cleared<Integer>
					|| (position instanceof Patch.Set<Integer>(Integer at) && at < 0)) {
				checks.reject("position", POSITION_RULE);
				position = Patch.absent();
			}
			checks.rejectIfAny();
		}

	}

}
