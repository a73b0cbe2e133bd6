package dev.cairn.fields;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.cairn.activity.ActivityLog;
import dev.cairn.fields.FieldCommands.CreateField;
import dev.cairn.fields.FieldCommands.FieldPatch;
import dev.cairn.fields.FieldCommands.OptionDraft;
import dev.cairn.members.Capability;
import dev.cairn.members.ProjectAccess;
import dev.cairn.platform.DenseOrder;
import dev.cairn.platform.Ids;
import dev.cairn.web.FieldError;
import dev.cairn.web.InvalidInput;
import dev.cairn.web.Patch;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custom field use cases: members read the definitions, admins manage them. Order is a
 * dense position 0..n-1, renumbered on every change while the project's fields are locked
 * (there are at most {@value #MAX_FIELDS}). Deleting a field or removing options
 * publishes {@link CustomFieldDeleted} or {@link CustomFieldOptionsRemoved} in the same
 * transaction, after the definition changed, so the values of tasks can go with them.
 */
@Service
public class CustomFields {

	static final int MAX_FIELDS = 50;

	private final CustomFieldRepository fields;

	private final ProjectAccess access;

	private final ActivityLog activity;

	private final ApplicationEventPublisher events;

	CustomFields(CustomFieldRepository fields, ProjectAccess access, ActivityLog activity,
			ApplicationEventPublisher events) {
		this.fields = fields;
		this.access = access;
		this.activity = activity;
		this.events = events;
	}

	/**
	 * The fields of a project in their order, for a caller that has checked access
	 * already (the tasks of the project validating or filtering values).
	 */
	@Transactional(readOnly = true)
	public List<CustomField> definitionsOf(UUID projectId) {
		return this.fields.findAll(projectId);
	}

	/**
	 * The fields of a project, for a write of task values: holds off any change to the
	 * fields until the caller's transaction ends, so values checked against these
	 * definitions cannot outlive a field or option deleted meanwhile. Call it before
	 * locking any task row (the order is: these definitions, the project row, tasks).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<CustomField> definitionsForWrite(UUID projectId) {
		this.fields.lockShared(projectId);
		return this.fields.findAll(projectId);
	}

	@Transactional(readOnly = true)
	public List<CustomField> list(UUID userId, UUID projectId) {
		this.access.requireLive(userId, projectId, Capability.PROJECT_READ);
		return this.fields.findAll(projectId);
	}

	@Transactional
	public CustomField create(UUID userId, UUID projectId, CreateField command) {
		this.access.requireLive(userId, projectId, Capability.FIELDS_MANAGE);
		List<FieldOption> settled = settle(command.type(), command.options(), List.of());
		this.fields.lock(projectId);
		List<CustomField> all = new ArrayList<>(this.fields.findAll(projectId));
		if (all.size() >= MAX_FIELDS) {
			throw new TooManyFields(MAX_FIELDS);
		}
		CustomField created = new CustomField(Ids.newId(), command.name(), command.type(), settled, all.size());
		if (!this.fields.insert(projectId, created)) {
			throw new FieldNameTaken(created.name());
		}
		all.add(created);
		if (command.position() != null) {
			reorder(projectId, all, created, command.position());
		}
		CustomField result = this.fields.find(projectId, created.id()).orElseThrow();
		this.activity.record(new FieldEvent.FieldCreated(projectId, userId, FieldEvent.FieldState.of(result)));
		return result;
	}

	/**
	 * Renames, reorders or changes the options of a field. The type cannot change: the
	 * values tasks hold would stop meaning anything (422); sending the current type is
	 * allowed, so a client may send back what it read. The options are checked here, as
	 * their rules depend on the field's type and the options it has.
	 */
	@Transactional
	public CustomField update(UUID userId, UUID projectId, UUID fieldId, FieldPatch patch) {
		this.access.requireLive(userId, projectId, Capability.FIELDS_MANAGE);
		this.fields.lock(projectId);
		List<CustomField> all = new ArrayList<>(this.fields.findAll(projectId));
		CustomField before = all.stream()
			.filter((field) -> field.id().equals(fieldId))
			.findFirst()
			.orElseThrow(FieldNotFound::new);
		if (patch.type().applyTo(before.type()) != before.type()) {
			throw new FieldTypeImmutable(before.type());
		}
		List<FieldOption> settled = (patch.options() instanceof Patch.Set<List<OptionDraft>>(var options))
				? settle(before.type(), options, before.options()) : before.options();
		CustomField changed = new CustomField(fieldId, patch.name().applyTo(before.name()), before.type(), settled,
				before.position());
		Integer position = (patch.position() instanceof Patch.Set<Integer>(Integer at)) ? at : null;
		if (changed.equals(before) && (position == null || position == before.position())) {
			return before;
		}
		if (!this.fields.update(projectId, changed)) {
			throw new FieldNameTaken(changed.name());
		}
		if (position != null) {
			all.set(all.indexOf(before), changed);
			reorder(projectId, all, changed, position);
		}
		CustomField after = this.fields.find(projectId, fieldId).orElseThrow();
		Set<UUID> removed = new HashSet<>(before.options().stream().map(FieldOption::id).toList());
		after.options().forEach((option) -> removed.remove(option.id()));
		if (!removed.isEmpty()) {
			this.events.publishEvent(new CustomFieldOptionsRemoved(projectId, fieldId, removed));
		}
		this.activity.record(new FieldEvent.FieldUpdated(projectId, userId, FieldEvent.FieldState.of(before),
				FieldEvent.FieldState.of(after)));
		return after;
	}

	/**
	 * Deletes a field; the values tasks hold for it go too (by the event's listeners).
	 */
	@Transactional
	public void delete(UUID userId, UUID projectId, UUID fieldId) {
		this.access.requireLive(userId, projectId, Capability.FIELDS_MANAGE);
		this.fields.lock(projectId);
		List<CustomField> all = new ArrayList<>(this.fields.findAll(projectId));
		CustomField doomed = all.stream()
			.filter((field) -> field.id().equals(fieldId))
			.findFirst()
			.orElseThrow(FieldNotFound::new);
		this.fields.delete(projectId, fieldId);
		this.events.publishEvent(new CustomFieldDeleted(projectId, fieldId));
		all.remove(doomed);
		renumber(projectId, all);
		this.activity.record(new FieldEvent.FieldDeleted(projectId, userId, FieldEvent.FieldState.of(doomed)));
	}

	/**
	 * @throws InvalidInput naming every option that breaks a rule
	 */
	private static List<FieldOption> settle(FieldType type, List<OptionDraft> drafts, List<FieldOption> existing) {
		List<FieldError> errors = new ArrayList<>();
		List<FieldOption> settled = FieldOptions.settle(type, drafts, existing,
				(field, message) -> errors.add(new FieldError(field, message)));
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		return settled;
	}

	private void reorder(UUID projectId, List<CustomField> all, CustomField moving, int position) {
		DenseOrder.move(all, moving, (field) -> field.id().equals(moving.id()), position, CustomField::position,
				(field, at) -> save(projectId, field, at));
	}

	private void renumber(UUID projectId, List<CustomField> ordered) {
		DenseOrder.renumber(ordered, CustomField::position, (field, at) -> save(projectId, field, at));
	}

	private void save(UUID projectId, CustomField field, int position) {
		this.fields.update(projectId,
				new CustomField(field.id(), field.name(), field.type(), field.options(), position));
	}

}
