package dev.cairn.members;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Memberships as they were: for seed data (and later for restoring an export). No checks
 * and no events: the caller vouches for them.
 */
@Component
public class MemberImports {

	private final JdbcClient jdbc;

	MemberImports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void insert(UUID projectId, UUID userId, Role role) {
		this.jdbc.sql("INSERT INTO project_members (project_id, user_id, role) VALUES (:projectId, :userId, :role)")
			.param("projectId", projectId)
			.param("userId", userId)
			.param("role", role.value())
			.update();
	}

}
