package dev.cairn.members;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.cairn.activity.DomainEvent;

/**
 * Who belongs to a project: {@code member.added}, {@code member.role_changed} and
 * {@code member.removed} (which leaving is too).
 */
public sealed interface MemberEvent extends DomainEvent {

	/**
	 * Someone joined: added by the actor, or, with {@code invitedBy}, by accepting an
	 * invitation (the actor is then the new member).
	 */
	record MemberAdded(UUID projectId, UUID actorId, MemberState after,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable UUID invitedBy) implements MemberEvent {
	}

	record MemberRoleChanged(UUID projectId, UUID actorId, MemberState before, MemberState after,
			List<String> changes) implements MemberEvent {

		MemberRoleChanged(UUID projectId, UUID actorId, UUID userId, Role from, Role to) {
			this(projectId, actorId, new MemberState(userId, from.value()), new MemberState(userId, to.value()),
					List.of("role"));
		}

	}

	record MemberRemoved(UUID projectId, UUID actorId, MemberState before) implements MemberEvent {
	}

	record MemberState(UUID userId, String role) {

		static MemberState of(UUID userId, Role role) {
			return new MemberState(userId, role.value());
		}

	}

}
