package dev.cairn.platform;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.kagkarlsson.scheduler.task.TaskInstance;

import dev.cairn.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asking for a job to run now never fails because the scheduler touched the job at the
 * same moment.
 */
@IntegrationTest
class BackgroundJobsTests {

	// No node knows this task, so no scheduler runs it: the test moves it by hand.
	private static final String TASK = "background-jobs-test";

	@Autowired
	private BackgroundJobs jobs;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transactions;

	private final TaskInstance<Void> instance = new TaskInstance<>(TASK, UUID.randomUUID().toString());

	@AfterEach
	void forgetTheJob() {
		this.jdbc.sql("DELETE FROM scheduled_tasks WHERE task_name = :task").param("task", TASK).update();
	}

	@Test
	void runNowWhileTheSchedulerKeepsMovingTheJob() {
		this.transactions.executeWithoutResult((status) -> this.jobs.runNow(this.instance));
		// A scheduler picking and releasing the job bumps its version each time, as a
		// pick between the client's read and its update does.
		AtomicBoolean asking = new AtomicBoolean(true);
		CompletableFuture<Integer> moves = CompletableFuture.supplyAsync(() -> {
			int moved = 0;
			while (asking.get() && moved < 200_000) {
				moved += this.jdbc
					.sql("""
							UPDATE scheduled_tasks SET version = version + 1, picked = false, execution_time = now() + interval '1 hour'
							WHERE task_name = :task AND task_instance = :id
							""")
					.param("task", TASK)
					.param("id", this.instance.getId())
					.update();
			}
			return moved;
		});
		try {
			for (int call = 0; call < 2000; call++) {
				this.transactions.executeWithoutResult((status) -> this.jobs.runNow(this.instance));
			}
		}
		finally {
			asking.set(false);
		}
		assertThat(moves.join()).isPositive();
		this.transactions.executeWithoutResult((status) -> this.jobs.runNow(this.instance));
		assertThat(this.jdbc.sql("""
				SELECT execution_time <= now() FROM scheduled_tasks WHERE task_name = :task AND task_instance = :id
				""").param("task", TASK).param("id", this.instance.getId()).query(Boolean.class).single()).isTrue();
	}

}
