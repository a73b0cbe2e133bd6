package dev.cairn.labels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import dev.cairn.activity.ActivityLog;
import dev.cairn.members.Capability;
import dev.cairn.members.ProjectAccess;
import dev.cairn.platform.Ids;
import dev.cairn.web.ApiProblem;
import dev.cairn.web.Cursor;
import dev.cairn.web.Cursor.ListKey;
import dev.cairn.web.ErrorCode;
import dev.cairn.web.MergePatch;
import dev.cairn.web.Page;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Label use cases: members read them, admins manage them. Deleting a label removes it
 * from every task (the database cascades).
 */
@Service
class Labels {

	static final int MAX_LABELS = 500;

	static final String DEFAULT_COLOR = "#6b7280";

	private final LabelRepository labels;

	private final ProjectAccess access;

	private final ActivityLog activity;

	private final Cursor cursors;

	private final ApplicationEventPublisher events;

	Labels(LabelRepository labels, ProjectAccess access, ActivityLog activity, Cursor cursors,
			ApplicationEventPublisher events) {
		this.labels = labels;
		this.access = access;
		this.activity = activity;
		this.cursors = cursors;
		this.events = events;
	}

	@Transactional(readOnly = true)
	Page<Label> list(UUID userId, UUID projectId, String cursor, int limit) {
		this.access.requireLive(userId, projectId, Capability.PROJECT_READ);
		ListKey list = ListKey.of("labels", projectId);
		String after = (cursor != null) ? this.cursors.decode(list, cursor, 1).get(0) : null;
		List<Label> rows = this.labels.findPage(projectId, after, limit + 1);
		return this.cursors.page(list, rows, limit, (label) -> List.of(label.name()));
	}

	@Transactional
	Label create(UUID userId, UUID projectId, String name, String color, String description) {
		this.access.requireLive(userId, projectId, Capability.LABELS_MANAGE);
		if (this.labels.count(projectId) >= MAX_LABELS) {
			throw new ApiProblem(ErrorCode.TOO_MANY, "A project has at most " + MAX_LABELS + " labels.");
		}
		Label label = new Label(Ids.newId(), name.strip(),
				(color != null) ? color.toLowerCase(Locale.ROOT) : DEFAULT_COLOR, description);
		if (!this.labels.save(projectId, label, true)) {
			throw nameTaken(label.name());
		}
		this.activity.record(new LabelEvent.LabelCreated(projectId, userId, LabelEvent.LabelState.of(label)));
		return label;
	}

	@Transactional
	Label update(UUID userId, UUID projectId, UUID labelId, JsonNode body) {
		this.access.requireLive(userId, projectId, Capability.LABELS_MANAGE);
		MergePatch patch = MergePatch.of(body, Set.of("name", "color", "description"));
		var name = patch.text("name", 50, false).orElse(null);
		if (name != null && name.value().isBlank()) {
			patch.reject("name", "must not be blank");
		}
		var color = patch.text("color", 7, false).orElse(null);
		if (color != null && !color.value().matches("#[0-9a-fA-F]{6}")) {
			patch.reject("color", "must be a hex colour such as #2563eb");
		}
		var description = patch.text("description", 500, true).orElse(null);
		patch.validate();
		Label before = this.labels.find(projectId, labelId).orElseThrow(Labels::notFound);
		Label after = new Label(labelId, (name != null) ? name.value().strip() : before.name(),
				(color != null) ? color.value().toLowerCase(Locale.ROOT) : before.color(),
				(description != null) ? description.value() : before.description());
		if (!this.labels.save(projectId, after, false)) {
			throw nameTaken(after.name());
		}
		this.activity.record(new LabelEvent.LabelUpdated(projectId, userId, LabelEvent.LabelState.of(before),
				LabelEvent.LabelState.of(after)));
		return after;
	}

	@Transactional
	void delete(UUID userId, UUID projectId, UUID labelId) {
		this.access.requireLive(userId, projectId, Capability.LABELS_MANAGE);
		Label label = this.labels.find(projectId, labelId).orElseThrow(Labels::notFound);
		// The tasks that carry it get a new version first, by the tasks module.
		this.events.publishEvent(new LabelRetired(projectId, labelId));
		this.labels.delete(projectId, labelId);
		this.activity.record(new LabelEvent.LabelDeleted(projectId, userId, LabelEvent.LabelState.of(label)));
	}

	private static ApiProblem notFound() {
		return new ApiProblem(ErrorCode.LABEL_NOT_FOUND, "No such label in this project.");
	}

	private static ApiProblem nameTaken(String name) {
		return new ApiProblem(ErrorCode.LABEL_NAME_TAKEN, "The project has a label named " + name + " already.");
	}

}
