package dev.cairn.members;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cairn.activity.ActivityLog;
import dev.cairn.mail.Mailer;
import dev.cairn.platform.Ids;
import dev.cairn.web.Cursor;
import dev.cairn.web.Cursor.ListKey;
import dev.cairn.web.Page;
import dev.cairn.web.Throttle;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to a project by email address. Inviting answers the same whatever the
 * address (an account or not, a member already, invited already) and never looks for an
 * account, so it tells the inviter nothing about who uses Cairn; membership begins only
 * when the owner of the address, signed in with it verified, accepts.
 *
 * <p>
 * Bounds on what an inviter can make Cairn send: at most {@value #MAX_PENDING} pending
 * invitations per project, and one mail a day per project and address however often it is
 * invited, revoked and invited again.
 */
@Service
public class Invitations {

	/** Pending invitations a project may have at once. */
	static final int MAX_PENDING = 200;

	/** The least time between two invitation mails for one project to one address. */
	static final Duration MAIL_INTERVAL = Duration.ofDays(1);

	private final InvitationRepository invitations;

	private final MemberRepository members;

	private final ProjectAccess access;

	private final ActivityLog activity;

	private final Mailer mailer;

	private final InvitationMails mails;

	private final Cursor cursors;

	private final InvitationSettings settings;

	private final Throttle throttle;

	Invitations(InvitationRepository invitations, MemberRepository members, ProjectAccess access, ActivityLog activity,
			Mailer mailer, InvitationMails mails, Cursor cursors, InvitationSettings settings, Throttle throttle) {
		this.invitations = invitations;
		this.members = members;
		this.access = access;
		this.activity = activity;
		this.mailer = mailer;
		this.mails = mails;
		this.cursors = cursors;
		this.settings = settings;
		this.throttle = throttle;
	}

	/**
	 * Invites the address with the role, or invites it again (one pending invitation per
	 * project and address, whose role and expiry the new one sets), and mails it unless
	 * it was mailed within {@link #MAIL_INTERVAL}. The same roles may invite as may add:
	 * admins up to admin, owners anyone.
	 */
	@Transactional
	public ProjectInvitation invite(UUID callerId, UUID projectId, String email, Role role) {
		Role callerRole = this.access.requireLive(callerId, projectId, requiredToInvite(role));
		// Per inviter, whatever the address: a bound on the mail one account can send.
		this.throttle.attempt(Throttle.Rule.INVITATIONS_INVITER, callerId.toString());
		if (this.invitations.countPendingToOthers(projectId, email) >= MAX_PENDING) {
			throw new TooManyPendingInvitations(MAX_PENDING);
		}
		// An owner's pending invitation is left alone unless the caller manages owners.
		UUID id = this.invitations
			.upsert(Ids.newId(), projectId, email, role, callerId, this.settings.ttl(),
					callerRole.may(Capability.OWNERS_MANAGE))
			.orElseThrow(() -> new ProjectAccess.RoleForbids(callerRole, Capability.OWNERS_MANAGE));
		ProjectInvitation invitation = this.invitations.findInProject(projectId, id).orElseThrow();
		if (this.invitations.claimMail(projectId, id, MAIL_INTERVAL)) {
			this.invitations.findMailContext(projectId, callerId)
				.ifPresent((context) -> this.mailer
					.send(this.mails.invitation(invitation.email(), role, invitation.expiresAt(), context)));
		}
		return invitation;
	}

	@Transactional(readOnly = true)
	public Page<ProjectInvitation> listForProject(UUID callerId, UUID projectId, String cursor, int limit) {
		this.access.requireLive(callerId, projectId, Capability.MEMBERS_MANAGE);
		ListKey list = ListKey.of("project-invitations", projectId);
		List<ProjectInvitation> rows = this.invitations.findProjectPage(projectId, this.cursors.afterId(list, cursor),
				limit + 1);
		return this.cursors.page(list, rows, limit, (invitation) -> List.of(invitation.id().toString()));
	}

	/** Revokes a pending invitation; an owner's only by an owner. */
	@Transactional
	public void revoke(UUID callerId, UUID projectId, UUID invitationId) {
		Role callerRole = this.access.requireLive(callerId, projectId, Capability.MEMBERS_MANAGE);
		Role invited = this.invitations.lockPendingRole(projectId, invitationId).orElseThrow(InvitationNotFound::new);
		if (invited == Role.OWNER) {
			this.access.check(callerRole, Capability.OWNERS_MANAGE);
		}
		this.invitations.close(projectId, invitationId, "revoked");
	}

	/** The caller's pending invitations, to the address they have verified. */
	@Transactional(readOnly = true)
	public Page<Invitation> listForInvitee(UUID callerId, String cursor, int limit) {
		ListKey list = ListKey.of("my-invitations", callerId);
		List<Invitation> rows = this.invitations.findInviteePage(callerId, this.cursors.afterId(list, cursor),
				limit + 1);
		return this.cursors.page(list, rows, limit, (invitation) -> List.of(invitation.id().toString()));
	}

	/**
	 * Makes the caller a member with the invitation's role. A member already keeps their
	 * role: the invitation is used up, and nothing else changes.
	 * @return the caller's membership
	 */
	// The revocation of an invitation its inviter may no longer make is kept, though
	// the answer is 404.
	@Transactional(noRollbackFor = InvitationNotFound.class)
	public Member accept(UUID callerId, UUID invitationId) {
		Invitation invitation = this.invitations.lockForInvitee(callerId, invitationId)
			.orElseThrow(InvitationNotFound::new);
		UUID projectId = invitation.project().id();
		Role role = Role.of(invitation.role());
		// An invitation carries its inviter's authority, so it is no better than what the
		// inviter may still do (one whose account is gone leaves it standing).
		if (invitation.invitedBy() != null && !this.access.roleOf(invitation.invitedBy().userId(), projectId)
			.map((inviter) -> inviter.may(requiredToInvite(role)))
			.orElse(false)) {
			this.invitations.close(projectId, invitationId, "revoked");
			throw new InvitationNotFound();
		}
		this.invitations.close(projectId, invitationId, "accepted");
		if (this.members.insertIfAbsent(projectId, callerId, role)) {
			this.activity
				.record(new MemberEvent.MemberAdded(projectId, callerId, MemberEvent.MemberState.of(callerId, role),
						(invitation.invitedBy() != null) ? invitation.invitedBy().userId() : null));
		}
		return this.members.findOne(projectId, callerId).orElseThrow();
	}

	/** The capability an invitation to {@code role} takes: as for adding a member. */
	static Capability requiredToInvite(Role role) {
		return (role == Role.OWNER) ? Capability.OWNERS_MANAGE : Capability.MEMBERS_MANAGE;
	}

	/**
	 * In the transaction that changes or ends a member's role: their pending invitations
	 * that the new role (or none) could not make are revoked.
	 */
	void memberRoleChanged(UUID projectId, UUID userId, Role now) {
		if (now == null || !now.may(Capability.MEMBERS_MANAGE)) {
			this.invitations.revokeBeyond(projectId, userId, false);
		}
		else if (!now.may(Capability.OWNERS_MANAGE)) {
			this.invitations.revokeBeyond(projectId, userId, true);
		}
	}

	@Transactional
	public void decline(UUID callerId, UUID invitationId) {
		Invitation invitation = this.invitations.lockForInvitee(callerId, invitationId)
			.orElseThrow(InvitationNotFound::new);
		this.invitations.close(invitation.project().id(), invitationId, "declined");
	}

}
