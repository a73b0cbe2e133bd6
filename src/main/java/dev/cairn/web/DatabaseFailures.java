package dev.cairn.web;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database this time (unreachable, restarting, or a statement it
 * gave up on) from a bug: the first is worth retrying, the second is not.
 */
final class DatabaseFailures {

	// PostgreSQL's SQLSTATEs (its appendix A) for a failure of the moment: the
	// connection (not 08P01, a protocol violation: a bug), a serialization failure or
	// deadlock, too many connections, a lock or statement timeout, and the server
	// shutting down or starting. Codes, not classes: 08P01, 40002 (a constraint at
	// commit), 53100 (disk full) or 54xxx (a program limit) are not for retrying.
	private static final Set<String> STATES = Set.of("08000", "08001", "08003", "08004", "08006", "08007", "40001",
			"40P01", "53300", "55P03", "57014", "57P01", "57P02", "57P03");

	private DatabaseFailures() {
	}

	/**
	 * The database failure behind this exception, or {@code null} when it is something
	 * else. The first SQLSTATE in the cause chain decides; without one, the kind of
	 * exception does (no connection, a transient failure). A failed rollback is judged by
	 * the failure that caused it.
	 */
	static Throwable cause(Throwable ex) {
		Throwable kind = null;
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
				return cause(rollback.getApplicationException());
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return STATES.contains(sql.getSQLState()) ? cause : null;
			}
			if (kind == null && (cause instanceof CannotCreateTransactionException
					|| cause instanceof CannotGetJdbcConnectionException
					|| cause instanceof TransientDataAccessException || cause instanceof SQLTransientException)) {
				kind = cause;
			}
		}
		return kind;
	}

	/**
	 * Whether the database refused text it cannot store (a NUL, SQLSTATE 22021; or an
	 * escape jsonb cannot hold, 22P05). The edge refuses such input first
	 * ({@link TextInput}); this is the backstop for a path it missed, so that the answer
	 * is the client's 400, not a 500 with a stack trace per request.
	 */
	static boolean isUnstorableText(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState().equals("22021") || sql.getSQLState().equals("22P05");
			}
		}
		return false;
	}

	/**
	 * What the client is told: 503, try again in a second. Not that nothing changed: a
	 * connection lost during the commit leaves that unknown.
	 */
	static ResponseEntity<ProblemDetail> response(Object path) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(ErrorCode.DEPENDENCY_UNAVAILABLE,
					"The database could not complete the request. Try again shortly.",
					(path != null) ? path.toString() : null));
	}

}
