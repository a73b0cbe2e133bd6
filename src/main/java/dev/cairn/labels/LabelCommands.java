package dev.cairn.labels;

import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.cairn.web.Checks;
import dev.cairn.web.Colors;
import dev.cairn.web.Patch;

/**
 * The changes {@link Labels} takes, checked when built, so that every face (REST now;
 * GraphQL, imports, the web UI later) gets the same rules and the service a valid
 * command: names stripped, colours in lower case.
 */
public final class LabelCommands {

	static final int MAX_NAME = 50;

	static final int MAX_DESCRIPTION = 500;

	private LabelCommands() {
	}

	/**
	 * A new label.
	 *
	 * @param color {@code #rrggbb}, or null for the default grey
	 */
	public record CreateLabel(String name, @Nullable String color, @Nullable String description) {

		public CreateLabel {
			Checks checks = new Checks();
			name = checks.name("name", name, MAX_NAME);
			color = (color != null) ? checkedColor(checks, color) : null;
			description = checks.text("description", description, MAX_DESCRIPTION);
			checks.rejectIfAny();
		}

	}

	/**
	 * A change to a label: its name and colour cannot be cleared, its description can.
	 */
	public record LabelPatch(Patch<String> name, Patch<String> color, Patch<String> description) {

		public LabelPatch {
			Checks checks = new Checks();
			name = checks.notCleared("name", name).map((value) -> checks.name("name", value, MAX_NAME));
			color = checks.notCleared("color", color).map((value) -> checkedColor(checks, value));
			description = Objects.requireNonNull(description)
				.map((value) -> checks.text("description", value, MAX_DESCRIPTION));
			checks.rejectIfAny();
		}

	}

	private static String checkedColor(Checks checks, String color) {
		if (!Colors.isColor(color)) {
			checks.reject("color", Colors.RULE);
			return color;
		}
		return color.toLowerCase(Locale.ROOT);
	}

}
