package dev.cairn.platform.database;

import java.util.List;

import javax.sql.DataSource;

import dev.cairn.testing.SideLane;
import dev.cairn.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(SideLane.NAME)
class ForeignKeyIndexTests {

	// A foreign key is covered when an index starts with its columns (in any order) and
	// is either not partial or only skips rows where the key is null, which the key's
	// checks never look for.
	private static final String UNCOVERED_FOREIGN_KEYS = """
			SELECT c.conrelid::regclass || '.' || c.conname
			FROM pg_constraint c
			WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
			  AND NOT EXISTS (
			      SELECT 1 FROM pg_index i
			      WHERE i.indrelid = c.conrelid
			        AND (SELECT array_agg(u.k) FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS u(k, n)
			             WHERE u.n <= cardinality(c.conkey)) @> c.conkey
			        AND (SELECT array_agg(u.k) FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS u(k, n)
			             WHERE u.n <= cardinality(c.conkey)) <@ c.conkey
			        AND (i.indpred IS NULL
			             OR pg_get_expr(i.indpred, i.indrelid) ~ '^\\(\\w+ IS NOT NULL\\)$'))
			ORDER BY 1
			""";

	@Test
	void everyForeignKeyIsBackedByAnIndex() {
		DataSource dataSource = TestDatabase.migrated().dataSource();
		Flyway.configure().dataSource(dataSource).load().migrate();
		List<String> uncovered = JdbcClient.create(dataSource).sql(UNCOVERED_FOREIGN_KEYS).query(String.class).list();
		assertThat(uncovered).isEmpty();
	}

}
