package dev.cairn.platform.database;

import dev.cairn.platform.StartupFailure;

/**
 * The embedded PostgreSQL could not be set up, started or stopped.
 */
class EmbeddedPostgresFailed extends StartupFailure {

	EmbeddedPostgresFailed(String description) {
		super(description, "Read the PostgreSQL log named above, or set CAIRN_DATABASE_URL to use an external "
				+ "PostgreSQL 15+ instead of the embedded one.");
	}

}
