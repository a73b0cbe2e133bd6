package dev.cairn.platform.database;

/**
 * The PostgreSQL that Cairn talks to: the embedded one it runs itself, or an external
 * one.
 */
sealed interface DatabaseServer extends AutoCloseable {

	String jdbcUrl();

	String username();

	String password();

	/** For the start-up log: which database, and where its data lives. */
	String description();

	@Override
	default void close() {
	}

	record Embedded(EmbeddedPostgres postgres) implements DatabaseServer {

		@Override
		public String jdbcUrl() {
			return this.postgres.jdbcUrl();
		}

		@Override
		public String username() {
			return this.postgres.username();
		}

		@Override
		public String password() {
			return this.postgres.password();
		}

		@Override
		public String description() {
			return "embedded PostgreSQL " + this.postgres.version() + " on 127.0.0.1:" + this.postgres.port()
					+ ", data in " + this.postgres.pgdata();
		}

		@Override
		public void close() {
			this.postgres.close();
		}

	}

	record External(String jdbcUrl, String username, String password) implements DatabaseServer {

		@Override
		public String description() {
			return "external PostgreSQL at " + this.jdbcUrl.replaceAll("([?&]password=)[^&]*", "$1***")
					+ ((this.username != null) ? " as " + this.username : "");
		}

	}

}
