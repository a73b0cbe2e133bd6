package dev.cairn.activity;

import java.util.UUID;

/**
 * Something that happened in a project, as one module tells the others and the outside
 * world: a past-tense record ({@code TaskCreated}, {@code MemberRoleChanged}) in the
 * sealed event interface of the module that owns the change ({@code TaskEvent}). These
 * records are the contract between modules and, serialized by {@link ActivityLog}, the
 * public payload of webhooks and the activity feed.
 *
 * <p>
 * The envelope components ({@link #projectId()}, {@link #actorId()} and, for events about
 * a task, {@link #taskId()}) are stored in the event row's own columns; every other
 * component is the row's {@code data}: {@code {before?, after, changes?}} and the like.
 * The event's type name ({@code task.created}) comes from the record's name
 * ({@link EventTypes#nameOf}).
 */
public interface DomainEvent {

	/** The project it happened in. */
	UUID projectId();

	/** Who made the change; null when Cairn did (a webhook turned off after failures). */
	UUID actorId();

	/** The task it is about, when it is about one. */
	default UUID taskId() {
		return null;
	}

}
