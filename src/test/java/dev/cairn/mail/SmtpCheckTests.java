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
import static org.awaitility.Awaitility.await;

/**
 * The mail health check against a real SMTP server: UP while it answers, DEGRADED while
 * it does not, asked in the background, and again only after
 * {@link MailHealth#RECHECK_AFTER}.
 */
class SmtpCheckTests {

	private Instant now = Instant.parse("2026-12-07T10:00:00Z");

	@Test
	void followsTheServerInTheBackgroundAskingItAtMostEveryRecheckPeriod() {
		int port = Mailboxes.freePort();
		JavaMailSenderImpl smtp = new JavaMailSenderImpl();
		smtp.setHost("127.0.0.1");
		smtp.setPort(port);
		MailHealth.SmtpCheck check = new MailHealth.SmtpCheck(smtp, clock());

		// Never waits for the server: unknown until the first answer is in.
		assertThat(check.health().getStatus()).isIn(Status.UNKNOWN, MailHealth.DEGRADED);
		await().atMost(Duration.ofSeconds(10)).until(() -> check.health().getStatus().equals(MailHealth.DEGRADED));
		assertThat(check.up()).isZero();

		GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
		server.start();
		try {
			// Within the period the last answer stands, however often it is asked.
			this.now = this.now.plus(MailHealth.RECHECK_AFTER.minusSeconds(1));
			for (int i = 0; i < 20; i++) {
				assertThat(check.health().getStatus()).isEqualTo(MailHealth.DEGRADED);
			}

			this.now = this.now.plus(Duration.ofSeconds(1));
			await().atMost(Duration.ofSeconds(10)).until(() -> check.health().getStatus().equals(Status.UP));
			assertThat(check.up()).isEqualTo(1.0);
		}
		finally {
			server.stop();
		}
		// A scrape alone (no health check) asks again once the answer is stale.
		this.now = this.now.plus(MailHealth.RECHECK_AFTER);
		await().atMost(Duration.ofSeconds(10)).until(() -> check.up() == 0.0);
	}

	@Test
	void beforeAnyAnswerTheGaugeIsNotANumber() {
		JavaMailSenderImpl smtp = new JavaMailSenderImpl();
		smtp.setHost("127.0.0.1");
		smtp.setPort(Mailboxes.freePort());
		// A clock that has not moved: the first answer is in flight or in.
		MailHealth.SmtpCheck check = new MailHealth.SmtpCheck(smtp, clock());
		double first = check.up();
		assertThat(Double.isNaN(first) || first == 0.0).isTrue();
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
