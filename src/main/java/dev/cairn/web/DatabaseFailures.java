package dev.cairn.web;

import java.sql.SQLException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database this time (unreachable, restarting, or a statement it
 * gave up on) from a bug: the first is worth retrying, the second is not.
 */
final class DatabaseFailures {

	// SQLSTATE classes and codes (PostgreSQL's appendix A): connection exceptions,
	// transaction rollbacks (serialization failure, deadlock), insufficient resources
	// (too many connections), lock not available, statement timeout, and the
	// server shutting down or starting.
	private static final Set<String> CLASSES = Set.of("08", "40", "53");

	private static final Set<String> CODES = Set.of("55P03", "57014", "57P01", "57P02", "57P03");

	private DatabaseFailures() {
	}

	/**
	 * The database failure behind this exception, or {@code null} when it is something
	 * else. A failed rollback hides the failure that caused it, so both are looked at.
	 */
	static Throwable cause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof CannotCreateTransactionException) {
				return cause;
			}
			if (cause instanceof SQLException sql && transientState(sql.getSQLState())) {
				return cause;
			}
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
				Throwable original = cause(rollback.getApplicationException());
				if (original != null) {
					return original;
				}
			}
		}
		return null;
	}

	/** What the client is told: 503, nothing changed, try again. */
	static ProblemDetail problem(Object path) {
		return Problems.of(ErrorCode.DEPENDENCY_UNAVAILABLE,
				"The database could not complete the request, and nothing was changed. Try again shortly.",
				(path != null) ? path.toString() : null);
	}

	private static boolean transientState(String state) {
		return state != null && state.length() == 5
				&& (CLASSES.contains(state.substring(0, 2)) || CODES.contains(state));
	}

}
