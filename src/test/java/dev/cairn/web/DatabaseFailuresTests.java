package dev.cairn.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What counts as the database failing this time, worth a retry, and what is a bug.
 */
class DatabaseFailuresTests {

	@Test
	void aDeadlockOrALostConnectionIsTheDatabaseFailing() {
		SQLException deadlock = new SQLException("deadlock detected", "40P01");
		assertThat(DatabaseFailures.cause(new PessimisticLockingFailureException("deadlock", deadlock)))
			.isSameAs(deadlock);
		SQLException closed = new SQLException("This connection has been closed.", "08003");
		assertThat(DatabaseFailures.cause(new UncategorizedSQLException("select", "SELECT 1", closed)))
			.isSameAs(closed);
		assertThat(DatabaseFailures.cause(new SQLException("canceling statement due to statement timeout", "57014")))
			.isNotNull();
	}

	// The backstop behind the edge's refusal of NUL: the client's 400, never a 500.
	@Test
	void textTheDatabaseCannotStoreIsTheClientsMistakeNotAFailure() {
		SQLException nul = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
		assertThat(DatabaseFailures.isUnstorableText(new UncategorizedSQLException("insert", "INSERT", nul))).isTrue();
		assertThat(DatabaseFailures.isUnstorableText(new SQLException("unsupported Unicode escape sequence", "22P05")))
			.isTrue();
		assertThat(DatabaseFailures.cause(nul)).isNull();
		assertThat(DatabaseFailures.isUnstorableText(new SQLException("deadlock detected", "40P01"))).isFalse();
		assertThat(DatabaseFailures.isUnstorableText(new IllegalStateException())).isFalse();
	}

	@Test
	void noConnectionAtAllIsTheDatabaseFailing() {
		assertThat(DatabaseFailures.cause(new CannotCreateTransactionException("Could not open JDBC Connection",
				new SQLTransientConnectionException("cairn - Connection is not available, request timed out"))))
			.isInstanceOf(CannotCreateTransactionException.class);
	}

	@Test
	void aFailedRollbackIsJudgedByTheFailureThatCausedIt() {
		SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed");
		rollback.initApplicationException(new UncategorizedSQLException("select", "SELECT 1", lost));
		assertThat(DatabaseFailures.cause(rollback)).isSameAs(lost);

		// However its own rollback failed.
		TransactionSystemException afterABug = new TransactionSystemException("JDBC rollback failed",
				new SQLException("This connection has been closed.", "08003"));
		afterABug.initApplicationException(new IllegalStateException("a bug"));
		assertThat(DatabaseFailures.cause(afterABug)).isNull();
	}

	@Test
	void aConstraintViolationOrABugIsNot() {
		assertThat(DatabaseFailures.cause(new DuplicateKeyException("duplicate",
				new SQLException("duplicate key value violates unique constraint", "23505"))))
			.isNull();
		assertThat(DatabaseFailures.cause(new SQLException("syntax error", "42601"))).isNull();
		// Spring calls these resource failures; they are bugs or limits, not moments.
		assertThat(DatabaseFailures.cause(new DataAccessResourceFailureException("protocol",
				new SQLException("invalid message format", "08P01"))))
			.isNull();
		assertThat(DatabaseFailures.cause(new DataAccessResourceFailureException("limit",
				new SQLException("target lists can have at most 1664 entries", "54011"))))
			.isNull();
		assertThat(DatabaseFailures.cause(new SQLException("no state"))).isNull();
		assertThat(DatabaseFailures.cause(new NullPointerException())).isNull();
	}

}
