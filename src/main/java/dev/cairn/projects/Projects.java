package dev.cairn.projects;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.cairn.activity.ActivityEntry;
import dev.cairn.activity.ActivityFeed;
import dev.cairn.activity.ActivityLog;
import dev.cairn.members.Capability;
import dev.cairn.members.ProjectAccess;
import dev.cairn.members.ProjectAccess.ProjectNotFound;
import dev.cairn.members.Role;
import dev.cairn.platform.Ids;
import dev.cairn.projects.ProjectCommands.CreateProject;
import dev.cairn.projects.ProjectCommands.ProjectPatch;
import dev.cairn.web.Cursor;
import dev.cairn.web.Cursor.ListKey;
import dev.cairn.web.IfMatch;
import dev.cairn.web.Page;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Project use cases. Every one asks {@link ProjectAccess} first, and writes its event in
 * the same transaction as the change.
 */
@Service
public class Projects {

	private final ProjectRepository projects;

	private final ProjectAccess access;

	private final ActivityLog activity;

	private final Cursor cursors;

	private final ActivityFeed feed;

	Projects(ProjectRepository projects, ProjectAccess access, ActivityLog activity, Cursor cursors,
			ActivityFeed feed) {
		this.feed = feed;
		this.projects = projects;
		this.access = access;
		this.activity = activity;
		this.cursors = cursors;
	}

	@Transactional
	public ProjectView create(UUID userId, CreateProject command) {
		UUID id = Ids.newId();
		if (!this.projects.insert(id, command.key(), command.name(), command.description(), userId)) {
			throw new KeyTaken(command.key());
		}
		this.access.addOwner(id, userId);
		for (int i = 0; i < DefaultWorkflow.STEPS.size(); i++) {
			DefaultWorkflow.Step step = DefaultWorkflow.STEPS.get(i);
			this.projects.insertStatus(Ids.newId(), id, step.name(), step.category(), i);
		}
		Project project = this.projects.find(id).orElseThrow();
		this.activity.record(new ProjectEvent.ProjectCreated(id, userId, ProjectEvent.ProjectState.of(project)));
		return new ProjectView(project, Role.OWNER);
	}

	@Transactional(readOnly = true)
	public ProjectView get(UUID userId, UUID projectId) {
		Role role = this.access.require(userId, projectId, Capability.PROJECT_READ);
		return new ProjectView(live(this.projects.find(projectId)), role);
	}

	/** Everything that happened in the project, newest first. */
	@Transactional(readOnly = true)
	public Page<ActivityEntry> activity(UUID userId, UUID projectId, String cursor, int limit) {
		this.access.requireLive(userId, projectId, Capability.PROJECT_READ);
		return this.feed.ofProject(projectId, cursor, limit);
	}

	/** The live projects the user is a member of, in a stable order. */
	@Transactional(readOnly = true)
	public Page<ProjectView> mine(UUID userId, String cursor, int limit) {
		ListKey list = ListKey.of("projects", userId);
		List<ProjectRepository.MyProject> rows = this.projects.findMine(userId, this.cursors.afterId(list, cursor),
				limit + 1);
		return this.cursors.page(list, rows, limit, (row) -> List.of(row.project().id().toString()))
			.map((row) -> new ProjectView(row.project(), Role.of(row.role())));
	}

	@Transactional
	public ProjectView update(UUID userId, UUID projectId, ProjectPatch patch, IfMatch ifMatch) {
		Role role = this.access.require(userId, projectId, Capability.PROJECT_UPDATE);
		Project before = live(this.projects.findForUpdate(projectId));
		ifMatch.require(before.version());
		String newName = patch.name().applyTo(before.name());
		String newDescription = patch.description().applyTo(before.description());
		List<String> changes = new ArrayList<>();
		if (!newName.equals(before.name())) {
			changes.add("name");
		}
		if (!Objects.equals(newDescription, before.description())) {
			changes.add("description");
		}
		if (changes.isEmpty()) {
			return new ProjectView(before, role);
		}
		this.projects.update(projectId, newName, newDescription);
		Project after = this.projects.find(projectId).orElseThrow();
		this.activity.record(new ProjectEvent.ProjectUpdated(projectId, userId, ProjectEvent.ProjectState.of(before),
				ProjectEvent.ProjectState.of(after), changes));
		return new ProjectView(after, role);
	}

	/**
	 * Moves the project to the trash; it can be restored until the purge job removes it.
	 */
	@Transactional
	public void delete(UUID userId, UUID projectId, IfMatch ifMatch) {
		this.access.require(userId, projectId, Capability.PROJECT_DELETE);
		Project project = live(this.projects.findForUpdate(projectId));
		ifMatch.require(project.version());
		this.projects.setDeleted(projectId, true);
		this.activity.record(new ProjectEvent.ProjectDeleted(projectId, userId, ProjectEvent.ProjectState.of(project)));
	}

	@Transactional
	public ProjectView restore(UUID userId, UUID projectId) {
		Role role = this.access.require(userId, projectId, Capability.PROJECT_DELETE);
		Project project = this.projects.findForUpdate(projectId).orElseThrow(ProjectNotFound::new);
		if (project.deletedAt() != null) {
			this.projects.setDeleted(projectId, false);
			this.activity
				.record(new ProjectEvent.ProjectRestored(projectId, userId, ProjectEvent.ProjectState.of(project)));
		}
		return new ProjectView(this.projects.find(projectId).orElseThrow(), role);
	}

	private static Project live(Optional<Project> project) {
		return project.filter((found) -> found.deletedAt() == null).orElseThrow(ProjectNotFound::new);
	}

}
