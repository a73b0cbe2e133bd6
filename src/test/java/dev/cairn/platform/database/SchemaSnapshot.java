package dev.cairn.platform.database;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everything the migrations define in the public schema, as sorted lines, so two schema
 * states can be compared for equality: tables and columns, constraints, indexes, triggers
 * and functions. Flyway's own history table is left out.
 */
record SchemaSnapshot(List<String> lines) {

	private static final List<String> QUERIES = List.of(
			"""
					SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' null=' || is_nullable
					       || ' default=' || coalesce(column_default, '') || ' generated=' || coalesce(generation_expression, '')
					FROM information_schema.columns
					WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'
					""",
			"""
					SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
					FROM pg_constraint
					WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'flyway_schema_history'
					""", """
					SELECT 'index ' || indexdef FROM pg_indexes
					WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'
					""", """
					SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname || ' ' || pg_get_triggerdef(oid)
					FROM pg_trigger WHERE NOT tgisinternal
					""", """
					SELECT 'function ' || proname || ' ' || md5(prosrc)
					FROM pg_proc WHERE pronamespace = 'public'::regnamespace
					""");

	static SchemaSnapshot of(DataSource dataSource) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		List<String> lines = new ArrayList<>();
		for (String query : QUERIES) {
			lines.addAll(jdbc.sql(query).query(String.class).list());
		}
		lines.sort(null);
		return new SchemaSnapshot(List.copyOf(lines));
	}

	boolean isEmpty() {
		return this.lines.isEmpty();
	}

}
