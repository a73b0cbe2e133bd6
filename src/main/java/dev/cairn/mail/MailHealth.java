package dev.cairn.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP server in {@code /actuator/health} (component {@code mail}), in place of
 * Spring Boot's own indicator, which turns the whole instance DOWN (503) when mail cannot
 * be sent. Mail waits in the outbox and is retried until the server takes it, so an
 * unreachable SMTP server delays mail and nothing else: it is {@link #DEGRADED} (200,
 * ranked between UP and DOWN), as an unreachable Redis is (ADR 0013), and never part of
 * readiness. {@code cairn.mail.up} says the same to Prometheus. The server is asked at
 * most every {@link #RECHECK_AFTER}, so frequent health checks do not become a connection
 * to it each, nor wait out its connection timeout each.
 */
@Configuration(proxyBeanMethods = false)
class MailHealth {

	/** Serving, without something it normally uses. */
	static final Status DEGRADED = new Status("DEGRADED",
			"The SMTP server is unreachable: mail waits in the outbox and is retried");

	static final Duration RECHECK_AFTER = Duration.ofSeconds(30);

	/** Named so that it replaces Boot's indicator and the component is {@code mail}. */
	@Bean
	HealthIndicator mailHealthContributor(ObjectProvider<JavaMailSenderImpl> sender, MeterRegistry meters,
			Clock clock) {
		JavaMailSenderImpl smtp = sender.getIfAvailable();
		if (smtp == null) {
			return () -> Health.up().withDetail("smtp", "not configured: mail is logged, not sent").build();
		}
		SmtpCheck check = new SmtpCheck(smtp, clock);
		Gauge.builder("cairn.mail.up", check, (it) -> it.lastUp() ? 1 : 0)
			.description("Whether the SMTP server answered the last health check")
			.register(meters);
		return check::health;
	}

	static final class SmtpCheck {

		private final JavaMailSenderImpl smtp;

		private final Clock clock;

		private Health last;

		private Instant checkedAt;

		SmtpCheck(JavaMailSenderImpl smtp, Clock clock) {
			this.smtp = smtp;
			this.clock = clock;
		}

		synchronized Health health() {
			Instant now = this.clock.instant();
			if (this.last == null || !now.isBefore(this.checkedAt.plus(RECHECK_AFTER))) {
				this.last = ask();
				this.checkedAt = now;
			}
			return this.last;
		}

		synchronized boolean lastUp() {
			return this.last == null || Status.UP.equals(this.last.getStatus());
		}

		private Health ask() {
			String server = this.smtp.getHost() + ":" + this.smtp.getPort();
			try {
				this.smtp.testConnection();
				return Health.up().withDetail("smtp", server).build();
			}
			catch (MessagingException | RuntimeException ex) {
				return Health.status(DEGRADED)
					.withDetail("smtp", server)
					.withDetail("error", ex.getClass().getSimpleName())
					.build();
			}
		}

	}

}
