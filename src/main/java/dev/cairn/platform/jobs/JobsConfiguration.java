package dev.cairn.platform.jobs;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.event.SchedulerListener;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler, built by hand: its Spring Boot starter does not support Boot 4 yet, and
 * what it would configure fits on this page (ADR 0009). Every {@link Task} bean is a task
 * the scheduler knows; every {@link RecurringTask} bean is also scheduled at start.
 * Scheduling goes through a {@link SchedulerClient}; running is the {@link JobRunner}'s.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsSettings.class)
class JobsConfiguration {

	/**
	 * Schedules and reschedules jobs, on any node, whether or not it runs them.
	 * Transaction-aware, so a job scheduled inside a transaction (a webhook delivery for
	 * a committed event) commits or rolls back with it.
	 */
	@Bean
	SchedulerClient schedulerClient(DataSource dataSource, List<Task<?>> tasks) {
		return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), tasks).build();
	}

	@Bean
	JobRunner jobRunner(DataSource dataSource, List<Task<?>> tasks, List<RecurringTask<?>> recurring,
			List<SchedulerListener> listeners, JobsSettings settings) {
		// A new scheduler for each start: a stopped one cannot start again, and a context
		// may be stopped and started (tests pause the contexts they are not using).
		return new JobRunner(() -> scheduler(dataSource, tasks, recurring, listeners, settings), settings);
	}

	private static Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, List<RecurringTask<?>> recurring,
			List<SchedulerListener> listeners, JobsSettings settings) {
		// startTasks adds the recurring ones to the known tasks itself.
		List<Task<?>> oneOff = new ArrayList<>(tasks.stream().filter((task) -> !recurring.contains(task)).toList());
		var builder = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), oneOff)
			.startTasks(new ArrayList<>(recurring))
			.schedulerName(new SchedulerName.Fixed(nodeName()))
			.threads(settings.threads())
			.executorService(Executors.newVirtualThreadPerTaskExecutor())
			.pollingInterval(settings.pollingInterval())
			.heartbeatInterval(settings.heartbeatInterval())
			.shutdownMaxWait(settings.shutdownMaxWait())
			.enableImmediateExecution()
			.pollUsingLockAndFetch(0.5, 1.0);
		listeners.forEach(builder::addSchedulerListener);
		return builder.build();
	}

	// host@pid: what an operator needs to find the node that holds a job.
	private static String nodeName() {
		return ManagementFactory.getRuntimeMXBean().getName();
	}

}
