package dev.cairn.members;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.cairn.testing.SideLane;
import dev.cairn.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans of the invitation lists on 100 000 invitations (most of them answered or
 * expired) in 500 projects to 20 000 addresses: a project's pending list, its count
 * against the cap, and an invitee's list each read their own partial index, never the
 * table. Each statement is the one the repository runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(SideLane.NAME)
class InvitationPlanTests {

	private JdbcClient jdbc;

	private UUID project;

	private UUID invitee;

	@BeforeAll
	void largeTables() {
		DataSource dataSource = TestDatabase.migrated().dataSource();
		Flyway.configure().dataSource(dataSource).load().migrate();
		this.jdbc = JdbcClient.create(dataSource);
		this.jdbc.sql("""
				INSERT INTO users (id, email, display_name, email_verified_at)
				SELECT uuidv7(), 'user' || n || '@example.com', 'User ' || n, now() FROM generate_series(1, 20000) n;
				INSERT INTO projects (id, key, name) SELECT uuidv7(), 'P' || n, 'Project ' || n
				FROM generate_series(1, 500) n;
				INSERT INTO project_invitations (id, project_id, email, role, state, expires_at)
				SELECT uuidv7(), p.id, 'user' || ((p.n * 200 + i) % 20000 + 1) || '@example.com', 'member',
				       CASE WHEN i % 5 = 0 THEN 'pending' ELSE 'accepted' END,
				       now() + CASE WHEN i % 10 = 0 THEN interval '-1 day' ELSE interval '7 days' END
				FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM projects) p
				CROSS JOIN generate_series(1, 200) i;
				ANALYZE;
				""").update();
		this.project = this.jdbc.sql("SELECT id FROM projects ORDER BY id LIMIT 1").query(UUID.class).single();
		this.invitee = this.jdbc.sql("SELECT id FROM users WHERE email = 'user1@example.com'")
			.query(UUID.class)
			.single();
	}

	// A project has at most 200 pending invitations, so the planner may read them all
	// through the index and sort them rather than walk it in order: either is a few
	// hundred rows at most, never the table.
	@Test
	void aProjectsPendingListReadsItsIndexFirstPageAndNext() {
		assertThat(
				explain(InvitationRepository.projectPageQuery(false), Map.of("projectId", this.project, "limit", 51)))
			.contains("project_invitations_pending_idx")
			.doesNotContain("Seq Scan on project_invitations");
		UUID middle = this.jdbc.sql("""
				SELECT id FROM project_invitations WHERE project_id = :p AND state = 'pending'
				ORDER BY id OFFSET 10 LIMIT 1
				""").param("p", this.project).query(UUID.class).single();
		assertThat(explain(InvitationRepository.projectPageQuery(true),
				Map.of("projectId", this.project, "limit", 51, "after", middle)))
			.contains("project_invitations_pending_idx")
			.doesNotContain("Seq Scan on project_invitations");
	}

	@Test
	void theCapCountsTheProjectsPendingInvitationsOnly() {
		assertThat(explain(InvitationRepository.COUNT_PENDING,
				Map.of("projectId", this.project, "email", "someone@example.com")))
			.contains("project_invitations_pending_idx")
			.doesNotContain("Seq Scan on project_invitations");
	}

	@Test
	void anInviteesListIsARangeOfTheAddressIndex() {
		String plan = explain(InvitationRepository.inviteePageQuery(false),
				Map.of("userId", this.invitee, "limit", 51));
		assertThat(plan).contains("project_invitations_email_pending_idx")
			.doesNotContain("Seq Scan on project_invitations", "Seq Scan on users");
	}

	private String explain(String sql, Map<String, ?> params) {
		return this.jdbc.sql("EXPLAIN " + sql)
			.params(params)
			.query(String.class)
			.list()
			.stream()
			.collect(Collectors.joining("\n"));
	}

}
