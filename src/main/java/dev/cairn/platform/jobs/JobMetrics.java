package dev.cairn.platform.jobs;

import java.util.Locale;

import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts job runs by task and outcome ({@code cairn.jobs.runs}) and executions found dead
 * ({@code cairn.jobs.dead}: a node stopped in the middle of one).
 */
@Component
class JobMetrics extends AbstractSchedulerListener {

	private final MeterRegistry meters;

	JobMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public void onExecutionComplete(ExecutionComplete complete) {
		this.meters
			.counter("cairn.jobs.runs", "task", complete.getExecution().getTaskName(), "result",
					complete.getResult().name().toLowerCase(Locale.ROOT))
			.increment();
	}

	@Override
	public void onExecutionDead(Execution execution) {
		this.meters.counter("cairn.jobs.dead", "task", execution.getTaskName()).increment();
	}

}
