package dev.cairn.web;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
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
			.isInstanceOf(PessimisticLockingFailureException.class);
		SQLException closed = new SQLException("This connection has been closed.", "08003");
		assertThat(DatabaseFailures.cause(new UncategorizedSQLException("select", "SELECT 1", closed)))
			.isSameAs(closed);
		assertThat(DatabaseFailures.cause(new SQLException("canceling statement due to statement timeout", "57014")))
			.isNotNull();
	}

	@Test
	void aFailedRollbackIsJudgedByTheFailureThatCausedIt() {
		SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed");
		rollback.initApplicationException(new UncategorizedSQLException("select", "SELECT 1", lost));
		assertThat(DatabaseFailures.cause(rollback)).isSameAs(lost);

		TransactionSystemException afterABug = new TransactionSystemException("JDBC rollback failed");
		afterABug.initApplicationException(new IllegalStateException("a bug"));
		assertThat(DatabaseFailures.cause(afterABug)).isNull();
	}

	@Test
	void aConstraintViolationOrABugIsNot() {
		assertThat(DatabaseFailures.cause(new DuplicateKeyException("duplicate",
				new SQLException("duplicate key value violates unique constraint", "23505"))))
			.isNull();
		assertThat(DatabaseFailures.cause(new SQLException("syntax error", "42601"))).isNull();
		assertThat(DatabaseFailures.cause(new SQLException("no state"))).isNull();
		assertThat(DatabaseFailures.cause(new NullPointerException())).isNull();
	}

}
