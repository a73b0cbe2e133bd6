package dev.cairn.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * readiness. {@code cairn.mail.up} says the same to Prometheus.
 *
 * <p>
 * Neither a health check nor a scrape ever waits for the SMTP server: both read the last
 * answer, and ask for a new one in the background when it is older than
 * {@link #RECHECK_AFTER}, one at a time. Asking in line would hold the caller for the
 * connection timeout (10 s) while the server is a black hole, on every check.
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
		// A scrape asks too, so the gauge follows the server where nobody asks for
		// /actuator/health itself (probes ask for liveness and readiness only).
		Gauge.builder("cairn.mail.up", check, SmtpCheck::up)
			.description("Whether the SMTP server answered the last check (NaN before the first)")
			.register(meters);
		check.refreshIfStale();
		return check::health;
	}

	/** The last answer of the SMTP server, asked again in the background when stale. */
	static final class SmtpCheck {

		private final JavaMailSenderImpl smtp;

		private final Clock clock;

		private final AtomicBoolean asking = new AtomicBoolean();

		private volatile Answer last;

		SmtpCheck(JavaMailSenderImpl smtp, Clock clock) {
			this.smtp = smtp;
			this.clock = clock;
		}

		/** The last answer (UNKNOWN before the first), never waiting for a new one. */
		Health health() {
			refreshIfStale();
			Answer answer = this.last;
			return (answer != null) ? answer.health() : Health.unknown().withDetail("smtp", server()).build();
		}

		/** 1 or 0 as the server last answered; NaN before it has. */
		double up() {
			refreshIfStale();
			Answer answer = this.last;
			return (answer == null) ? Double.NaN : Status.UP.equals(answer.health().getStatus()) ? 1 : 0;
		}

		void refreshIfStale() {
			Answer answer = this.last;
			boolean stale = answer == null || !this.clock.instant().isBefore(answer.at().plus(RECHECK_AFTER));
			if (stale && this.asking.compareAndSet(false, true)) {
				Thread.ofVirtual().name("smtp-health").start(() -> {
					try {
						this.last = new Answer(ask(), this.clock.instant());
					}
					finally {
						this.asking.set(false);
					}
				});
			}
		}

		private Health ask() {
			try {
				this.smtp.testConnection();
				return Health.up().withDetail("smtp", server()).build();
			}
			catch (MessagingException | RuntimeException ex) {
				return Health.status(DEGRADED)
					.withDetail("smtp", server())
					.withDetail("error", ex.getClass().getSimpleName())
					.build();
			}
		}

		private String server() {
			return this.smtp.getHost() + ":" + this.smtp.getPort();
		}

		private record Answer(Health health, Instant at) {
		}

	}

}
