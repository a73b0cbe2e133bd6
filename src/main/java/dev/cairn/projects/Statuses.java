package dev.cairn.projects;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.cairn.activity.ActivityLog;
import dev.cairn.members.Capability;
import dev.cairn.members.ProjectAccess;
import dev.cairn.platform.DenseOrder;
import dev.cairn.platform.Ids;
import dev.cairn.projects.StatusCommands.CreateStatus;
import dev.cairn.projects.StatusCommands.StatusPatch;
import dev.cairn.web.Patch;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's workflow: add, rename, recategorize, reorder and delete statuses. Board
 * order is a dense position 0..n-1, renumbered on every change under a lock on the
 * project's statuses (there are at most {@value #MAX_STATUSES}).
 */
@Service
public class Statuses {

	static final int MAX_STATUSES = 50;

	private final StatusRepository statuses;

	private final ProjectAccess access;

	private final ActivityLog activity;

	private final ApplicationEventPublisher events;

	Statuses(StatusRepository statuses, ProjectAccess access, ActivityLog activity, ApplicationEventPublisher events) {
		this.statuses = statuses;
		this.access = access;
		this.activity = activity;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public List<Status> list(UUID userId, UUID projectId) {
		this.access.requireLive(userId, projectId, Capability.PROJECT_READ);
		return this.statuses.findAll(projectId, false);
	}

	@Transactional
	public Status create(UUID userId, UUID projectId, CreateStatus command) {
		this.access.requireLive(userId, projectId, Capability.STATUSES_MANAGE);
		List<Status> all = new ArrayList<>(this.statuses.findAll(projectId, true));
		if (all.size() >= MAX_STATUSES) {
			throw new TooManyStatuses(MAX_STATUSES);
		}
		Status created = new Status(Ids.newId(), command.name(), command.category(), all.size());
		if (!this.statuses.insert(projectId, created)) {
			throw new StatusNameTaken(created.name());
		}
		all.add(created);
		if (command.position() != null) {
			reorder(projectId, all, created, command.position());
		}
		Status result = this.statuses.find(projectId, created.id()).orElseThrow();
		this.activity.record(new StatusEvent.StatusCreated(projectId, userId, StatusEvent.StatusState.of(result)));
		return result;
	}

	@Transactional
	public Status update(UUID userId, UUID projectId, UUID statusId, StatusPatch patch) {
		this.access.requireLive(userId, projectId, Capability.STATUSES_MANAGE);
		List<Status> all = new ArrayList<>(this.statuses.findAll(projectId, true));
		Status before = all.stream()
			.filter((status) -> status.id().equals(statusId))
			.findFirst()
			.orElseThrow(StatusNotFound::new);
		Status changed = new Status(statusId, patch.name().applyTo(before.name()),
				patch.category().applyTo(before.category()), before.position());
		if (!this.statuses.update(projectId, changed)) {
			throw new StatusNameTaken(changed.name());
		}
		if (patch.position() instanceof Patch.Set<Integer>(Integer position)) {
			all.set(all.indexOf(before), changed);
			reorder(projectId, all, changed, position);
		}
		Status after = this.statuses.find(projectId, statusId).orElseThrow();
		this.activity.record(new StatusEvent.StatusUpdated(projectId, userId, StatusEvent.StatusState.of(before),
				StatusEvent.StatusState.of(after)));
		return after;
	}

	/**
	 * Deletes a status. One that still holds tasks needs {@code moveTo}, the status its
	 * tasks move to, so no task is left without one.
	 */
	@Transactional
	public void delete(UUID userId, UUID projectId, UUID statusId, UUID moveTo) {
		this.access.requireLive(userId, projectId, Capability.STATUSES_MANAGE);
		this.statuses.lockProject(projectId);
		List<Status> all = new ArrayList<>(this.statuses.findAll(projectId, true));
		Status doomed = all.stream()
			.filter((status) -> status.id().equals(statusId))
			.findFirst()
			.orElseThrow(StatusNotFound::new);
		if (all.size() == 1) {
			throw new LastStatus();
		}
		if (this.statuses.countTasks(projectId, statusId) > 0) {
			if (moveTo == null) {
				throw new StatusInUse();
			}
			Status target = all.stream()
				.filter((status) -> status.id().equals(moveTo) && !moveTo.equals(statusId))
				.findFirst()
				.orElseThrow(StatusNotFound::moveTo);
			// The tasks module moves them, in this transaction (its tables are its own).
			this.events.publishEvent(new StatusRetired(projectId, statusId, moveTo, target.category()));
		}
		this.statuses.delete(projectId, statusId);
		all.remove(doomed);
		renumber(projectId, all);
		this.activity.record(new StatusEvent.StatusDeleted(projectId, userId, StatusEvent.StatusState.of(doomed)));
	}

	private void reorder(UUID projectId, List<Status> all, Status moving, int position) {
		DenseOrder.move(all, moving, (status) -> status.id().equals(moving.id()), position, Status::position,
				(status, at) -> save(projectId, status, at));
	}

	private void renumber(UUID projectId, List<Status> ordered) {
		DenseOrder.renumber(ordered, Status::position, (status, at) -> save(projectId, status, at));
	}

	private void save(UUID projectId, Status status, int position) {
		this.statuses.update(projectId, new Status(status.id(), status.name(), status.category(), position));
	}

}
