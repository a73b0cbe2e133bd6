package dev.cairn.platform.jobs;

import java.util.function.Supplier;

import com.github.kagkarlsson.scheduler.Scheduler;

import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * Runs this node's share of the jobs: starts a scheduler once every bean (and so the
 * migrated database) is ready, and stops it before the connection pool closes, letting
 * running jobs finish. Off when {@code CAIRN_JOBS_ENABLED=false} and for commands.
 * <p>
 * Its phase is below the web server's, so a stopping node first stops taking requests and
 * answers those in flight, then stops its jobs: a job running at SIGTERM (a webhook
 * attempt of up to ten seconds) does not keep the node accepting traffic meanwhile. The
 * same phase starts it just before the web server: a node whose server then fails to
 * start (its port taken) stops the scheduler again on the way out, waiting for the jobs
 * it took, for at most {@code CAIRN_JOBS_SHUTDOWN_MAX_WAIT}.
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
	public int getPhase() {
		// The graceful shutdown's phase; the web server itself stops 1024 below it.
		return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 2048;
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
