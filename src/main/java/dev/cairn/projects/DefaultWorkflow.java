package dev.cairn.projects;

import java.util.List;

/** The workflow every new project starts with; teams rename and extend it. */
public final class DefaultWorkflow {

	public static final List<Step> STEPS = List.of(new Step("Backlog", StatusCategory.BACKLOG),
			new Step("Todo", StatusCategory.UNSTARTED), new Step("In Progress", StatusCategory.STARTED),
			new Step("Done", StatusCategory.COMPLETED), new Step("Canceled", StatusCategory.CANCELED));

	private DefaultWorkflow() {
	}

	public record Step(String name, StatusCategory category) {
	}

}
