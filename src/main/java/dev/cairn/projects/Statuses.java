package dev.cairn.projects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import dev.cairn.activity.ActivityLog;
import dev.cairn.members.Capability;
import dev.cairn.members.ProjectAccess;
import dev.cairn.platform.DenseOrder;
import dev.cairn.platform.Ids;
import dev.cairn.web.ApiProblem;
import dev.cairn.web.ErrorCode;
import dev.cairn.web.MergePatch;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's workflow: add, rename, recategorize, reorder and delete statuses. Board
 * order is a dense position 0..n-1, renumbered on every change under a lock on the
 * project's statuses (there are at most {@value #MAX_STATUSES}).
 */
@Service
class Statuses {

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
	List<Status> list(UUID userId, UUID projectId) {
		this.access.requireLive(userId, projectId, Capability.PROJECT_READ);
		return this.statuses.findAll(projectId, false);
	}

	@Transactional
	Status create(UUID userId, UUID projectId, String name, String category, Integer position) {
		this.access.requireLive(userId, projectId, Capability.STATUSES_MANAGE);
		List<Status> all = new ArrayList<>(this.statuses.findAll(projectId, true));
		if (all.size() >= MAX_STATUSES) {
			throw new ApiProblem(ErrorCode.TOO_MANY, "A project has at most " + MAX_STATUSES + " statuses.");
		}
		Status created = new Status(Ids.newId(), name.strip(), category, all.size());
		if (!this.statuses.insert(projectId, created)) {
			throw nameTaken(name);
		}
		all.add(created);
		if (position != null) {
			reorder(projectId, all, created, position);
		}
		Status result = this.statuses.find(projectId, created.id()).orElseThrow();
		this.activity.record(new StatusEvent.StatusCreated(projectId, userId, StatusEvent.StatusState.of(result)));
		return result;
	}

	@Transactional
	Status update(UUID userId, UUID projectId, UUID statusId, JsonNode body) {
		this.access.requireLive(userId, projectId, Capability.STATUSES_MANAGE);
		MergePatch patch = MergePatch.of(body, Set.of("name", "category", "position"));
		var name = patch.text("name", 50, false).orElse(null);
		if (name != null && name.value().isBlank()) {
			patch.reject("name", "must not be blank");
		}
		var category = patch.text("category", 20, false).orElse(null);
		if (category != null && StatusCategory.of(category.value()).isEmpty()) {
			patch.reject("category", "must be one of " + StatusCategory.listed());
		}
		Integer position = null;
		if (body.has("position")) {
			if (!body.get("position").isInt() || body.get("position").asInt() < 0) {
				patch.reject("position", "must be a whole number from 0");
			}
			else {
				position = body.get("position").asInt();
			}
		}
		patch.validate();
		List<Status> all = new ArrayList<>(this.statuses.findAll(projectId, true));
		Status before = all.stream()
			.filter((status) -> status.id().equals(statusId))
			.findFirst()
			.orElseThrow(Statuses::notFound);
		Status changed = new Status(statusId, (name != null) ? name.value().strip() : before.name(),
				(category != null) ? category.value() : before.category(), before.position());
		if (!this.statuses.update(projectId, changed)) {
			throw nameTaken(changed.name());
		}
		if (position != null) {
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
	void delete(UUID userId, UUID projectId, UUID statusId, UUID moveTo) {
		this.access.requireLive(userId, projectId, Capability.STATUSES_MANAGE);
		this.statuses.lockProject(projectId);
		List<Status> all = new ArrayList<>(this.statuses.findAll(projectId, true));
		Status doomed = all.stream()
			.filter((status) -> status.id().equals(statusId))
			.findFirst()
			.orElseThrow(Statuses::notFound);
		if (all.size() == 1) {
			throw new ApiProblem(ErrorCode.LAST_STATUS, "A project keeps at least one status.");
		}
		if (this.statuses.countTasks(projectId, statusId) > 0) {
			if (moveTo == null) {
				throw new ApiProblem(ErrorCode.STATUS_IN_USE,
						"Tasks still have this status; give moveTo, the status they should move to.");
			}
			if (moveTo.equals(statusId) || all.stream().noneMatch((status) -> status.id().equals(moveTo))) {
				throw new ApiProblem(ErrorCode.STATUS_NOT_FOUND, "moveTo is not another status of this project.");
			}
			// The tasks module moves them, in this transaction (its tables are its own).
			StatusCategory category = all.stream()
				.filter((status) -> status.id().equals(moveTo))
				.findFirst()
				.flatMap((status) -> StatusCategory.of(status.category()))
				.orElseThrow();
			this.events.publishEvent(new StatusRetired(projectId, statusId, moveTo, category));
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

	private static ApiProblem notFound() {
		return new ApiProblem(ErrorCode.STATUS_NOT_FOUND, "No such status in this project.");
	}

	private static ApiProblem nameTaken(String name) {
		return new ApiProblem(ErrorCode.STATUS_NAME_TAKEN,
				"The project has a status named " + name.strip() + " already.");
	}

}
