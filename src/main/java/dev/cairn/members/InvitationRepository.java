package dev.cairn.members;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Invitations to projects. Addresses are folded with PostgreSQL's {@code lower()}, as the
 * accounts' unique index folds them, so an invitation finds its account whatever the case
 * either was typed in.
 *
 * <p>
 * The projects' and users' tables are read here, never written: the project's key and
 * name, the inviter's name, and the caller's address and whether it is verified (the
 * projects and accounts modules cannot be asked: projects depends on this one).
 */
@Repository
class InvitationRepository {

	/** A pending invitation that has not expired. */
	private static final String PENDING = " i.state = 'pending' AND i.expires_at > now()";

	private static final String PROJECT_SELECT = """
			SELECT i.id, i.email, i.role, i.invited_by, u.display_name AS inviter_name, i.created_at, i.expires_at
			FROM project_invitations i
			LEFT JOIN users u ON u.id = i.invited_by
			""";

	// Only through the caller's own address, and only once it is verified: registering
	// with someone else's address must not reach their invitations.
	private static final String INVITEE_SELECT = """
			SELECT i.id, i.project_id, p.key, p.name, i.role, i.invited_by, u.display_name AS inviter_name,
			       i.created_at, i.expires_at
			FROM users me
			JOIN project_invitations i ON i.email = lower(me.email)
			JOIN projects p ON p.id = i.project_id AND p.deleted_at IS NULL
			LEFT JOIN users u ON u.id = i.invited_by
			WHERE me.id = :userId AND me.email_verified_at IS NOT NULL AND me.disabled_at IS NULL AND
			""" + PENDING;

	private final JdbcClient jdbc;

	InvitationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Two statements rather than "after IS NULL OR id > after", so that the keyset is an
	// index condition in a generic plan too.
	static String projectPageQuery(boolean keyset) {
		return PROJECT_SELECT + " WHERE i.project_id = :projectId AND" + PENDING + (keyset ? " AND i.id > :after" : "")
				+ " ORDER BY i.id LIMIT :limit";
	}

	static String inviteePageQuery(boolean keyset) {
		return INVITEE_SELECT + (keyset ? " AND i.id > :after" : "") + " ORDER BY i.id LIMIT :limit";
	}

	static final String COUNT_PENDING = "SELECT count(*) FROM project_invitations i"
			+ " WHERE i.project_id = :projectId AND i.email <> lower(:email) AND" + PENDING;

	/** The project's pending invitations to other addresses than this one. */
	int countPendingToOthers(UUID projectId, String email) {
		return this.jdbc.sql(COUNT_PENDING)
			.param("projectId", projectId)
			.param("email", email)
			.query(Integer.class)
			.single();
	}

	/**
	 * Invites the address, or invites it again: a pending invitation gets the new role
	 * and expiry and keeps its id; an answered, revoked or expired one becomes a new
	 * pending invitation with the new id. An owner's pending invitation is changed only
	 * when {@code mayManageOwners}.
	 * @return the pending invitation's id, or empty when it is an owner's and the caller
	 * may not manage owners
	 */
	Optional<UUID> upsert(UUID newId, UUID projectId, String email, Role role, UUID invitedBy, Duration ttl,
			boolean mayManageOwners) {
		return this.jdbc.sql("""
				INSERT INTO project_invitations AS i (id, project_id, email, role, invited_by, expires_at)
				VALUES (:id, :projectId, lower(:email), :role, :invitedBy, now() + :ttl * interval '1 second')
				ON CONFLICT (project_id, email) DO UPDATE SET
				    id = CASE WHEN i.state = 'pending' AND i.expires_at > now() THEN i.id ELSE excluded.id END,
				    created_at = CASE WHEN i.state = 'pending' AND i.expires_at > now() THEN i.created_at
				                      ELSE excluded.created_at END,
				    role = excluded.role, invited_by = excluded.invited_by, state = 'pending',
				    expires_at = excluded.expires_at
				WHERE i.role <> 'owner' OR i.state <> 'pending' OR i.expires_at <= now() OR :mayManageOwners
				RETURNING i.id
				""")
			.param("id", newId)
			.param("projectId", projectId)
			.param("email", email)
			.param("role", role.value())
			.param("invitedBy", invitedBy)
			.param("ttl", ttl.toSeconds())
			.param("mayManageOwners", mayManageOwners)
			.query(UUID.class)
			.optional();
	}

	/**
	 * Takes the right to mail the invitation: once per {@code interval} for each project
	 * and address, however often it is invited again, revoked and invited again.
	 * @return whether to send the mail now
	 */
	boolean claimMail(UUID projectId, UUID id, Duration interval) {
		return this.jdbc.sql("""
				UPDATE project_invitations SET mailed_at = now()
				WHERE project_id = :projectId AND id = :id
				  AND (mailed_at IS NULL OR mailed_at <= now() - :interval * interval '1 second')
				""")
			.param("projectId", projectId)
			.param("id", id)
			.param("interval", interval.toSeconds())
			.update() == 1;
	}

	/** What an invitation mail says besides the invitation: project and inviter. */
	Optional<MailContext> findMailContext(UUID projectId, UUID inviterId) {
		return this.jdbc.sql("""
				SELECT p.key AS project_key, p.name AS project_name, u.display_name AS inviter_name
				FROM projects p, users u
				WHERE p.id = :projectId AND u.id = :inviterId
				""").param("projectId", projectId).param("inviterId", inviterId).query(MailContext.class).optional();
	}

	Optional<ProjectInvitation> findInProject(UUID projectId, UUID id) {
		return this.jdbc.sql(PROJECT_SELECT + " WHERE i.project_id = :projectId AND i.id = :id")
			.param("projectId", projectId)
			.param("id", id)
			.query(InvitationRepository::projectInvitation)
			.optional();
	}

	List<ProjectInvitation> findProjectPage(UUID projectId, UUID after, int limit) {
		Map<String, Object> params = new HashMap<>();
		params.put("projectId", projectId);
		params.put("limit", limit);
		if (after != null) {
			params.put("after", after);
		}
		return this.jdbc.sql(projectPageQuery(after != null))
			.params(params)
			.query(InvitationRepository::projectInvitation)
			.list();
	}

	List<Invitation> findInviteePage(UUID userId, UUID after, int limit) {
		Map<String, Object> params = new HashMap<>();
		params.put("userId", userId);
		params.put("limit", limit);
		if (after != null) {
			params.put("after", after);
		}
		return this.jdbc.sql(inviteePageQuery(after != null))
			.params(params)
			.query(InvitationRepository::invitation)
			.list();
	}

	/**
	 * Locks the caller's pending invitation, found as {@link #findInviteePage} finds it:
	 * through their verified address, to a project not in the trash.
	 */
	Optional<Invitation> lockForInvitee(UUID userId, UUID id) {
		return this.jdbc.sql(INVITEE_SELECT + " AND i.id = :id FOR UPDATE OF i")
			.param("userId", userId)
			.param("id", id)
			.query(InvitationRepository::invitation)
			.optional();
	}

	/** Locks a pending invitation of the project. */
	Optional<Role> lockPendingRole(UUID projectId, UUID id) {
		return this.jdbc.sql("""
				SELECT i.role FROM project_invitations i
				WHERE i.project_id = :projectId AND i.id = :id AND""" + PENDING + " FOR UPDATE")
			.param("projectId", projectId)
			.param("id", id)
			.query(String.class)
			.optional()
			.map(Role::of);
	}

	/**
	 * Revokes the pending invitations an inviter made that their role no longer allows:
	 * all of them, or only those to owners.
	 */
	void revokeBeyond(UUID projectId, UUID inviterId, boolean ownersOnly) {
		this.jdbc.sql("""
				UPDATE project_invitations SET state = 'revoked', expires_at = least(expires_at, now())
				WHERE project_id = :projectId AND invited_by = :inviterId AND state = 'pending'
				  AND (:all OR role = 'owner')
				""").param("projectId", projectId).param("inviterId", inviterId).param("all", !ownersOnly).update();
	}

	/**
	 * Ends a pending invitation: accepted, declined or revoked. It expires now, so the
	 * purge job deletes it a day later (after the mail interval it still enforces).
	 */
	void close(UUID projectId, UUID id, String state) {
		this.jdbc.sql("""
				UPDATE project_invitations SET state = :state, expires_at = least(expires_at, now())
				WHERE project_id = :projectId AND id = :id AND state = 'pending'
				""").param("projectId", projectId).param("id", id).param("state", state).update();
	}

	private static ProjectInvitation projectInvitation(ResultSet rs, int row) throws SQLException {
		return new ProjectInvitation(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("role"),
				inviter(rs), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant());
	}

	private static Invitation invitation(ResultSet rs, int row) throws SQLException {
		return new Invitation(rs.getObject("id", UUID.class),
				new Invitation.InvitedProject(rs.getObject("project_id", UUID.class), rs.getString("key"),
						rs.getString("name")),
				rs.getString("role"), inviter(rs), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("expires_at").toInstant());
	}

	private static Inviter inviter(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("invited_by", UUID.class);
		return (id != null) ? new Inviter(id, rs.getString("inviter_name")) : null;
	}

	record MailContext(String projectKey, String projectName, String inviterName) {
	}

}
