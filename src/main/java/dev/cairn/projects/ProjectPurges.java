package dev.cairn.projects;

import java.time.Duration;
import java.util.Map;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import dev.cairn.platform.Purge;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class ProjectPurges {

	/**
	 * Projects in the trash for longer than the retention period
	 * (projects_deleted_at_idx), with everything in them; a few at a time, as one project
	 * may hold many tasks.
	 */
	@Bean
	RecurringTask<Void> purgeTrashedProjects(JdbcClient jdbc, @Value("${cairn.trash.retention}") Duration retention) {
		return Purge.job("purge-trashed-projects", Duration.ofHours(1), jdbc, """
				DELETE FROM projects WHERE id IN (
				    SELECT id FROM projects WHERE deleted_at < now() - :seconds * interval '1 second'
				    LIMIT :batch)
				""", Map.of("seconds", retention.toSeconds()), 10);
	}

}
