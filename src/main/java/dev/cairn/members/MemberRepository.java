package dev.cairn.members;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MemberRepository {

	private final JdbcClient jdbc;

	MemberRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Role> findRole(UUID projectId, UUID userId) {
		return this.jdbc.sql("SELECT role FROM project_members WHERE project_id = :projectId AND user_id = :userId")
			.param("projectId", projectId)
			.param("userId", userId)
			.query(String.class)
			.optional()
			.map(Role::of);
	}

	void insert(UUID projectId, UUID userId, Role role) {
		this.jdbc.sql("INSERT INTO project_members (project_id, user_id, role) VALUES (:projectId, :userId, :role)")
			.param("projectId", projectId)
			.param("userId", userId)
			.param("role", role.value())
			.update();
	}

}
