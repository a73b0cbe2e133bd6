package dev.cairn.platform;

import java.lang.reflect.Method;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.stereotype.Component;

/**
 * Logs a failed after-commit listener as what it is: a warning, not a crash. Its event
 * publication stays incomplete and the recovery job hands it to the listener again, so a
 * mail server that is down for an hour costs a line per retry, not a stack trace.
 */
@Component
class ListenerFailureLog implements AsyncConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ListenerFailureLog.class);

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
