package dev.cairn.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;

import org.springframework.context.SmartLifecycle;

/**
 * Starts the scheduler once the context (and so the migrated database) is ready, and
 * stops it before the connection pool closes, letting running jobs finish.
 */
class JobRunner implements SmartLifecycle {

	private final Scheduler scheduler;

	private final JobsSettings settings;

	private volatile boolean running;

	JobRunner(Scheduler scheduler, JobsSettings settings) {
		this.scheduler = scheduler;
		this.settings = settings;
	}

	@Override
	public void start() {
		if (this.settings.enabled()) {
			this.scheduler.start();
		}
		this.running = true;
	}

	@Override
	public void stop() {
		if (this.settings.enabled()) {
			this.scheduler.stop();
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
