package dev.cairn.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/** The one source of "now", so tests can reason about time. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
