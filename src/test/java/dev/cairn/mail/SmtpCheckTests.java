package dev.cairn.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;

import dev.cairn.testing.Mailboxes;

import org.springframework.boot.health.contributor.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail health check against a real SMTP server: UP while it answers, DEGRADED while
 * it does not, and asked again only after {@link MailHealth#RECHECK_AFTER}.
 */
class SmtpCheckTests {

	private Instant now = Instant.parse("2026-12-07T10:00:00Z");

	@Test
	void followsTheServerButAsksItAtMostEveryRecheckPeriod() {
		int port = Mailboxes.freePort();
		JavaMailSenderImpl smtp = new JavaMailSenderImpl();
		smtp.setHost("127.0.0.1");
		smtp.setPort(port);
		MailHealth.SmtpCheck check = new MailHealth.SmtpCheck(smtp, clock());

		assertThat(check.health().getStatus()).isEqualTo(MailHealth.DEGRADED);
		assertThat(check.lastUp()).isFalse();

		GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
		server.start();
		try {
			// Within the period the last answer stands.
			this.now = this.now.plus(MailHealth.RECHECK_AFTER.minusSeconds(1));
			assertThat(check.health().getStatus()).isEqualTo(MailHealth.DEGRADED);

			this.now = this.now.plus(Duration.ofSeconds(1));
			assertThat(check.health().getStatus()).isEqualTo(Status.UP);
			assertThat(check.lastUp()).isTrue();
		}
		finally {
			server.stop();
		}
		this.now = this.now.plus(MailHealth.RECHECK_AFTER);
		assertThat(check.health().getStatus()).isEqualTo(MailHealth.DEGRADED);
	}

	private Clock clock() {
		return new Clock() {

			@Override
			public Instant instant() {
				return SmtpCheckTests.this.now;
			}

			@Override
			public ZoneOffset getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

		};
	}

}
