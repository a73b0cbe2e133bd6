package dev.cairn.activity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import dev.cairn.comments.CommentEvent;
import dev.cairn.fields.FieldEvent;
import dev.cairn.labels.LabelEvent;
import dev.cairn.members.MemberEvent;
import dev.cairn.projects.ProjectEvent;
import dev.cairn.projects.StatusEvent;
import dev.cairn.tasks.TaskEvent;
import dev.cairn.webhooks.WebhookEvent;

/**
 * One example of every event record, with fixed ids: what the snapshots in
 * {@code docs/events/examples} are made of. A new record needs one here, or
 * {@code EventContractTests} fails.
 */
final class EventSamples {

	static final UUID PROJECT = UUID.fromString("01a2523a-0000-7000-8000-000000000001");

	static final UUID TASK = UUID.fromString("01a2523a-0000-7000-8000-000000000002");

	static final UUID ACTOR = UUID.fromString("01a2523a-0000-7000-8000-000000000003");

	static final UUID USER = UUID.fromString("01a2523a-0000-7000-8000-000000000004");

	static final UUID STATUS = UUID.fromString("01a2523a-0000-7000-8000-000000000005");

	static final UUID OTHER_STATUS = UUID.fromString("01a2523a-0000-7000-8000-000000000006");

	static final UUID LABEL = UUID.fromString("01a2523a-0000-7000-8000-000000000007");

	static final UUID FIELD = UUID.fromString("01a2523a-0000-7000-8000-000000000008");

	static final UUID OPTION = UUID.fromString("01a2523a-0000-7000-8000-000000000009");

	static final UUID COMMENT = UUID.fromString("01a2523a-0000-7000-8000-00000000000a");

	static final UUID WEBHOOK = UUID.fromString("01a2523a-0000-7000-8000-00000000000b");

	private EventSamples() {
	}

	static Map<Class<? extends DomainEvent>, DomainEvent> all() {
		return Stream.of(projects(), tasks(), others())
			.flatMap(List::stream)
			.collect(Collectors.toMap(DomainEvent::getClass, Function.identity()));
	}

	private static List<DomainEvent> projects() {
		var apollo = new ProjectEvent.ProjectState("APOLLO", "Apollo", null);
		var renamed = new ProjectEvent.ProjectState("APOLLO", "Apollo 11", "To the moon");
		var review = new StatusEvent.StatusState(STATUS, "Review", "started", 2);
		var reviewing = new StatusEvent.StatusState(STATUS, "Reviewing", "started", 3);
		return List.of(new ProjectEvent.ProjectCreated(PROJECT, ACTOR, apollo),
				new ProjectEvent.ProjectUpdated(PROJECT, ACTOR, apollo, renamed, List.of("name", "description")),
				new ProjectEvent.ProjectDeleted(PROJECT, ACTOR, renamed),
				new ProjectEvent.ProjectRestored(PROJECT, ACTOR, renamed),
				new StatusEvent.StatusCreated(PROJECT, ACTOR, review),
				new StatusEvent.StatusUpdated(PROJECT, ACTOR, review, reviewing),
				new StatusEvent.StatusDeleted(PROJECT, ACTOR, reviewing));
	}

	private static List<DomainEvent> tasks() {
		JsonNode fields = JsonNodeFactory.instance.objectNode().put(FIELD.toString(), 5);
		var created = new TaskEvent.TaskState("APOLLO-12", "Land the module", STATUS, "high", USER, null,
				new BigDecimal("3.5"), fields, null, LocalDate.of(2026, 12, 24), Optional.of("Carefully, @lena."));
		var before = new TaskEvent.TaskState("APOLLO-12", "Land the module", STATUS, "high", USER, null,
				new BigDecimal("3.5"), fields, null, LocalDate.of(2026, 12, 24), null);
		var after = new TaskEvent.TaskState("APOLLO-12", "Land the lunar module", STATUS, "urgent", null, null,
				new BigDecimal("3.5"), fields, null, LocalDate.of(2026, 12, 24), null);
		return List.of(new TaskEvent.TaskCreated(PROJECT, TASK, ACTOR, created),
				new TaskEvent.TaskUpdated(PROJECT, TASK, ACTOR, before, after,
						List.of("title", "priority", "assigneeId")),
				new TaskEvent.TaskLabelsChanged(PROJECT, TASK, ACTOR, new TaskEvent.LabelChange(LABEL, null),
						List.of("labels")),
				new TaskEvent.TaskMoved(PROJECT, TASK, ACTOR, new TaskEvent.Place(STATUS, 65_536),
						new TaskEvent.Place(OTHER_STATUS, 131_072), List.of("statusId")),
				new TaskEvent.TaskDeleted(PROJECT, TASK, ACTOR, after),
				new TaskEvent.TaskRestored(PROJECT, TASK, ACTOR, after));
	}

	private static List<DomainEvent> others() {
		var bug = new LabelEvent.LabelState(LABEL, "bug", "#dc2626", null);
		var bugs = new LabelEvent.LabelState(LABEL, "bugs", "#dc2626", "Something is wrong");
		var area = new FieldEvent.FieldState(FIELD, "Area", "select",
				List.of(new FieldEvent.OptionState(OPTION, "ui", null)), 0);
		var areas = new FieldEvent.FieldState(FIELD, "Areas", "select",
				List.of(new FieldEvent.OptionState(OPTION, "ui", "#2563eb")), 1);
		var member = new MemberEvent.MemberState(USER, "member");
		var admin = new MemberEvent.MemberState(USER, "admin");
		var subscription = new WebhookEvent.Subscription(WEBHOOK, List.of("task.*"));
		return List.of(new LabelEvent.LabelCreated(PROJECT, ACTOR, bug),
				new LabelEvent.LabelUpdated(PROJECT, ACTOR, bug, bugs),
				new LabelEvent.LabelDeleted(PROJECT, ACTOR, bugs), new FieldEvent.FieldCreated(PROJECT, ACTOR, area),
				new FieldEvent.FieldUpdated(PROJECT, ACTOR, area, areas),
				new FieldEvent.FieldDeleted(PROJECT, ACTOR, areas),
				new MemberEvent.MemberAdded(PROJECT, USER, member, ACTOR),
				new MemberEvent.MemberRoleChanged(PROJECT, ACTOR, member, admin, List.of("role")),
				new MemberEvent.MemberRemoved(PROJECT, ACTOR, admin),
				new CommentEvent.CommentCreated(PROJECT, TASK, ACTOR,
						new CommentEvent.CommentState(COMMENT, "Looks good to me, @lena"), null),
				new CommentEvent.CommentUpdated(PROJECT, TASK, ACTOR, new CommentEvent.Body("Looks good"),
						new CommentEvent.CommentState(COMMENT, "Looks good to me, @lena"), List.of("body"), null),
				new CommentEvent.CommentDeleted(PROJECT, TASK, ACTOR, new CommentEvent.CommentRef(COMMENT)),
				new WebhookEvent.WebhookCreated(PROJECT, ACTOR, subscription),
				new WebhookEvent.WebhookUpdated(PROJECT, ACTOR,
						new WebhookEvent.Settings(WEBHOOK, List.of("task.*", "comment.created"), true), false),
				new WebhookEvent.WebhookDeleted(PROJECT, ACTOR, subscription),
				new WebhookEvent.WebhookSecretRotated(PROJECT, ACTOR, new WebhookEvent.Ref(WEBHOOK)),
				new WebhookEvent.WebhookDisabled(PROJECT, null,
						new WebhookEvent.Disabled(WEBHOOK, "sustained failure")),
				new WebhookEvent.WebhookPinged(PROJECT, ACTOR, new WebhookEvent.Ref(WEBHOOK)));
	}

}
