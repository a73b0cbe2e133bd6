package dev.cairn.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

// Event listeners (@ApplicationModuleListener) run after commit on their own threads.
@Configuration(proxyBeanMethods = false)
@EnableAsync
class PlatformConfiguration {

	/** The one source of "now", so tests can reason about time. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
