package dev.cairn.members;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cairn.activity.ActivityLog;
import dev.cairn.web.Cursor;
import dev.cairn.web.Cursor.ListKey;
import dev.cairn.web.Page;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Membership use cases. Admins manage members below owner; only owners make, demote or
 * remove owners; anyone may leave; and a project always keeps at least one owner.
 */
@Service
public class Members {

	private final MemberRepository members;

	private final ProjectAccess access;

	private final ActivityLog activity;

	private final Cursor cursors;

	private final Invitations invitations;

	Members(MemberRepository members, ProjectAccess access, ActivityLog activity, Cursor cursors,
			Invitations invitations) {
		this.members = members;
		this.access = access;
		this.activity = activity;
		this.cursors = cursors;
		this.invitations = invitations;
	}

	@Transactional(readOnly = true)
	public Page<Member> list(UUID callerId, UUID projectId, String cursor, int limit) {
		this.access.requireLive(callerId, projectId, Capability.PROJECT_READ);
		ListKey list = ListKey.of("members", projectId);
		List<Member> rows = this.members.findPage(projectId, this.cursors.afterId(list, cursor), limit + 1);
		return this.cursors.page(list, rows, limit, (member) -> List.of(member.userId().toString()));
	}

	/**
	 * Adds someone the caller already shares a live project with, at once. Anyone else,
	 * and an id without an active account, is the same 404: adding by id must not tell
	 * who has an account, nor add a stranger without asking (invite them instead,
	 * {@link Invitations}).
	 */
	@Transactional
	public Member add(UUID callerId, UUID projectId, UUID userId, Role role) {
		this.access.requireLive(callerId, projectId,
				(role == Role.OWNER) ? Capability.OWNERS_MANAGE : Capability.MEMBERS_MANAGE);
		if (!this.members.sharesLiveProject(callerId, userId)) {
			throw new UnknownColleague();
		}
		if (!this.members.insertIfAbsent(projectId, userId, role)) {
			throw new AlreadyMember();
		}
		this.activity
			.record(new MemberEvent.MemberAdded(projectId, callerId, MemberEvent.MemberState.of(userId, role), null));
		return member(projectId, userId);
	}

	@Transactional
	public Member changeRole(UUID callerId, UUID projectId, UUID userId, Role role) {
		// The caller's own membership first: a stranger learns nothing about the members.
		Role callerRole = this.access.requireLive(callerId, projectId, Capability.PROJECT_READ);
		Role current = this.access.roleOf(userId, projectId).orElseThrow(MemberNotFound::new);
		boolean touchesOwners = current == Role.OWNER || role == Role.OWNER;
		this.access.check(callerRole, touchesOwners ? Capability.OWNERS_MANAGE : Capability.MEMBERS_MANAGE);
		if (current == role) {
			return member(projectId, userId);
		}
		if (current == Role.OWNER) {
			requireAnotherOwner(projectId, userId);
		}
		this.members.updateRole(projectId, userId, role);
		this.invitations.memberRoleChanged(projectId, userId, role);
		this.activity.record(new MemberEvent.MemberRoleChanged(projectId, callerId, userId, current, role));
		return member(projectId, userId);
	}

	/** Removes a member; a member may always remove themselves (leave). */
	@Transactional
	public void remove(UUID callerId, UUID projectId, UUID userId) {
		Role callerRole = this.access.requireLive(callerId, projectId, Capability.PROJECT_READ);
		Role current = this.access.roleOf(userId, projectId).orElseThrow(MemberNotFound::new);
		if (!callerId.equals(userId)) {
			this.access.check(callerRole,
					(current == Role.OWNER) ? Capability.OWNERS_MANAGE : Capability.MEMBERS_MANAGE);
		}
		if (current == Role.OWNER) {
			requireAnotherOwner(projectId, userId);
		}
		this.members.delete(projectId, userId);
		this.invitations.memberRoleChanged(projectId, userId, null);
		this.activity
			.record(new MemberEvent.MemberRemoved(projectId, callerId, MemberEvent.MemberState.of(userId, current)));
	}

	private void requireAnotherOwner(UUID projectId, UUID leavingOwner) {
		List<UUID> owners = this.members.lockOwners(projectId);
		if (owners.stream().noneMatch((owner) -> !owner.equals(leavingOwner))) {
			throw new LastOwnerCannotLeave();
		}
	}

	private Member member(UUID projectId, UUID userId) {
		return this.members.findOne(projectId, userId).orElseThrow(MemberNotFound::new);
	}

}
