package dev.cairn.labels;

import java.util.List;
import java.util.UUID;

import dev.cairn.activity.ActivityLog;
import dev.cairn.labels.LabelCommands.CreateLabel;
import dev.cairn.labels.LabelCommands.LabelPatch;
import dev.cairn.members.Capability;
import dev.cairn.members.ProjectAccess;
import dev.cairn.platform.Ids;
import dev.cairn.web.Cursor;
import dev.cairn.web.Cursor.ListKey;
import dev.cairn.web.Page;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Label use cases: members read them, admins manage them. Deleting a label removes it
 * from every task (the database cascades).
 */
@Service
public class Labels {

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
	public Page<Label> list(UUID userId, UUID projectId, String cursor, int limit) {
		this.access.requireLive(userId, projectId, Capability.PROJECT_READ);
		ListKey list = ListKey.of("labels", projectId);
		String after = (cursor != null) ? this.cursors.decode(list, cursor, 1).get(0) : null;
		List<Label> rows = this.labels.findPage(projectId, after, limit + 1);
		return this.cursors.page(list, rows, limit, (label) -> List.of(label.name()));
	}

	@Transactional
	public Label create(UUID userId, UUID projectId, CreateLabel command) {
		this.access.requireLive(userId, projectId, Capability.LABELS_MANAGE);
		if (this.labels.count(projectId) >= MAX_LABELS) {
			throw new TooManyLabels(MAX_LABELS);
		}
		Label label = new Label(Ids.newId(), command.name(),
				(command.color() != null) ? command.color() : DEFAULT_COLOR, command.description());
		if (!this.labels.save(projectId, label, true)) {
			throw new LabelNameTaken(label.name());
		}
		this.activity.record(new LabelEvent.LabelCreated(projectId, userId, LabelEvent.LabelState.of(label)));
		return label;
	}

	@Transactional
	public Label update(UUID userId, UUID projectId, UUID labelId, LabelPatch patch) {
		this.access.requireLive(userId, projectId, Capability.LABELS_MANAGE);
		Label before = this.labels.find(projectId, labelId).orElseThrow(LabelNotFound::new);
		Label after = new Label(labelId, patch.name().applyTo(before.name()), patch.color().applyTo(before.color()),
				patch.description().applyTo(before.description()));
		if (!this.labels.save(projectId, after, false)) {
			throw new LabelNameTaken(after.name());
		}
		this.activity.record(new LabelEvent.LabelUpdated(projectId, userId, LabelEvent.LabelState.of(before),
				LabelEvent.LabelState.of(after)));
		return after;
	}

	@Transactional
	public void delete(UUID userId, UUID projectId, UUID labelId) {
		this.access.requireLive(userId, projectId, Capability.LABELS_MANAGE);
		Label label = this.labels.find(projectId, labelId).orElseThrow(LabelNotFound::new);
		// The tasks that carry it get a new version first, by the tasks module.
		this.events.publishEvent(new LabelRetired(projectId, labelId));
		this.labels.delete(projectId, labelId);
		this.activity.record(new LabelEvent.LabelDeleted(projectId, userId, LabelEvent.LabelState.of(label)));
	}

}
