package dev.cairn.platform;

import java.lang.reflect.Method;
import java.util.concurrent.Executor;

import dev.cairn.platform.jobs.EventSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Where after-commit listeners ({@code @ApplicationModuleListener}) run, and what a
 * failure of one looks like.
 * <ul>
 * <li>On a few threads with a queue ({@code cairn.events.listener-threads}): a burst of
 * writes queues its listeners instead of starting one per event, so listeners never take
 * more than a few of the pool's connections from the requests. The queue is memory only;
 * what is in it when a node dies is still owed in the event publication registry, and the
 * recovery job hands it out again.</li>
 * <li>A failure is logged as what it is: a warning, not a crash. The publication stays
 * incomplete and is retried, so a mail server that is down for an hour costs a line per
 * retry, not a stack trace.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ListenerExecution implements AsyncConfigurer {

	static final String EXECUTOR = "eventListenerExecutor";

	private static final Logger log = LoggerFactory.getLogger(ListenerExecution.class);

	private final BeanFactory beans;

	ListenerExecution(BeanFactory beans) {
		this.beans = beans;
	}

	@Bean(name = EXECUTOR)
	@ConditionalOnMissingBean(name = EXECUTOR)
	ThreadPoolTaskExecutor eventListenerExecutor(EventSettings settings) {
		int threads = settings.listenerThreads();
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setThreadNamePrefix("event-listener-");
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(10);
		return executor;
	}

	@Override
	public Executor getAsyncExecutor() {
		return this.beans.getBean(EXECUTOR, TaskExecutor.class);
	}

	@Override
	public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
		return this::failed;
	}

	private void failed(Throwable failure, Method listener, Object... arguments) {
		String event = (arguments.length > 0 && arguments[0] != null) ? arguments[0].getClass().getSimpleName() : "?";
		if (failure instanceof Exception) {
			log.warn("Listener {}.{} failed on {} and will be retried: {}",
					listener.getDeclaringClass().getSimpleName(), listener.getName(), event, failure.toString());
		}
		else {
			log.error("Listener {}.{} failed on {}", listener.getDeclaringClass().getSimpleName(), listener.getName(),
					event, failure);
		}
	}

}
