package dev.cairn.platform.jobs;

import java.util.function.Supplier;

import com.github.kagkarlsson.scheduler.Scheduler;

import org.springframework.context.SmartLifecycle;

/**
 * Runs this node's share of the jobs: starts a scheduler once the context (and so the
 * migrated database) is ready, and stops it before the connection pool closes, letting
 * running jobs finish. Off when {@code CAIRN_JOBS_ENABLED=false} and for commands.
 */
public class JobRunner implements SmartLifecycle {

	private final Supplier<Scheduler> schedulers;

	private final JobsSettings settings;

	private volatile Scheduler running;

	JobRunner(Supplier<Scheduler> schedulers, JobsSettings settings) {
		this.schedulers = schedulers;
		this.settings = settings;
	}

	@Override
	public synchronized void start() {
		if (this.settings.enabled() && this.running == null) {
			Scheduler scheduler = this.schedulers.get();
			scheduler.start();
			this.running = scheduler;
		}
	}

	@Override
	public synchronized void stop() {
		Scheduler scheduler = this.running;
		this.running = null;
		if (scheduler != null) {
			scheduler.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

	/**
	 * Looks for due jobs now rather than at the next poll: after a commit that scheduled
	 * some for this moment.
	 */
	public void wake() {
		Scheduler scheduler = this.running;
		if (scheduler != null) {
			scheduler.triggerCheckForDueExecutions();
		}
	}

}
