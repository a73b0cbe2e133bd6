package dev.cairn.tasks;

import java.time.Duration;
import java.util.Map;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import dev.cairn.platform.Purge;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class TaskPurges {

	/**
	 * Tasks in the trash for longer than the retention period (tasks_deleted_at_idx),
	 * with their comments, labels and history; their live subtasks become top-level.
	 */
	@Bean
	RecurringTask<Void> purgeTrashedTasks(JdbcClient jdbc, @Value("${cairn.trash.retention}") Duration retention) {
		return Purge.job("purge-trashed-tasks", Duration.ofHours(1), jdbc, """
				DELETE FROM tasks WHERE id IN (
				    SELECT id FROM tasks WHERE deleted_at < now() - :seconds * interval '1 second' LIMIT :batch)
				""", Map.of("seconds", retention.toSeconds()));
	}

}
