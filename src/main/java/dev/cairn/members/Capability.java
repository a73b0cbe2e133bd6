package dev.cairn.members;

import java.util.Locale;

/**
 * An action in a project. Responses list the caller's capabilities, so a client can show
 * what is allowed without guessing from a 403.
 */
public enum Capability {

	PROJECT_READ, PROJECT_UPDATE, PROJECT_DELETE, MEMBERS_MANAGE, OWNERS_MANAGE, STATUSES_MANAGE, LABELS_MANAGE,
	FIELDS_MANAGE, WEBHOOKS_MANAGE, TASKS_WRITE, TASK_LABELS_WRITE, COMMENTS_WRITE, COMMENTS_MODERATE;

	private final String value = name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");

	/** As shown in responses: {@code project.update}. */
	public String value() {
		return this.value;
	}

}
