package dev.cairn.platform;

import java.time.Duration;
import java.util.Map;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recurring jobs that delete what has outlived its use (expired tokens, old trash), a
 * batch at a time, each batch its own short transaction, so a large backlog never holds
 * long locks or one huge transaction.
 */
public final class Purge {

	/** Rows deleted per statement. */
	public static final int BATCH = 1000;

	private static final Logger log = LoggerFactory.getLogger(Purge.class);

	private Purge() {
	}

	/**
	 * A job that runs {@code delete} until it deletes fewer than {@link #BATCH} rows.
	 * @param delete a DELETE of at most {@code :batch} rows, such as
	 * {@code DELETE FROM t WHERE id IN (SELECT id FROM t WHERE expires_at < now() LIMIT :batch)}
	 * @param params its other parameters
	 */
	public static RecurringTask<Void> job(String name, Duration every, JdbcClient jdbc, String delete,
			Map<String, ?> params) {
		return job(name, every, jdbc, delete, params, BATCH);
	}

	/**
	 * As {@link #job(String, Duration, JdbcClient, String, Map)}, with batches of
	 * {@code batch} rows (fewer where one row takes many with it).
	 */
	public static RecurringTask<Void> job(String name, Duration every, JdbcClient jdbc, String delete,
			Map<String, ?> params, int batch) {
		return Tasks.recurring(name, FixedDelay.of(every)).execute((instance, context) -> {
			long total = 0;
			int deleted;
			do {
				deleted = jdbc.sql(delete).params(params).param("batch", batch).update();
				total += deleted;
			}
			while (deleted == batch);
			if (total > 0) {
				log.info("{}: deleted {} rows", name, total);
			}
		});
	}

}
