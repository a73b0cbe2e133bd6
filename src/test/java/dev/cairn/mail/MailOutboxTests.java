package dev.cairn.mail;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import dev.cairn.testing.Health;
import dev.cairn.testing.Mailboxes;
import dev.cairn.testing.WithJobs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Mail waits in the event publication registry until an SMTP server takes it: a message
 * queued while the server is down arrives once it is back, and meanwhile the instance is
 * degraded, not down.
 */
@WithJobs
class MailOutboxTests extends ApiTestSupport {

	private static final int SMTP_PORT = Mailboxes.freePort();

	private GreenMail smtp;

	@Autowired
	private Mailer mailer;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private MeterRegistry meters;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@AfterEach
	void stopSmtp() {
		if (this.smtp != null) {
			this.smtp.stop();
		}
	}

	@Test
	void mailQueuedWhileTheServerIsDownArrivesWhenItIsBack() throws MessagingException {
		String to = "outage-" + UUID.randomUUID() + "@example.com";
		this.transactions.executeWithoutResult((status) -> this.mailer.send(new Mail(to, "Patience", "It waited.")));
		await().atMost(Duration.ofSeconds(10)).until(() -> failedPublications() > 0);
		// Waiting, the body (a reset link, say) is sealed; the address is not.
		assertThat(this.jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE '%It waited%'")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :to")
			.param("to", "%" + to + "%")
			.query(Long.class)
			.single()).isPositive();

		this.smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));
		this.smtp.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> messagesTo(to).size() == 1);
		assertThat(messagesTo(to).get(0).getSubject()).isEqualTo("Patience");
	}

	// Mail waits and is retried (above), so a mail outage is not a Cairn outage: Spring
	// Boot's own mail indicator would answer 503 DOWN here.
	@Test
	void anUnreachableSmtpServerDegradesHealthButNotReadiness() {
		// Asked in the background: the first answer comes within a connection attempt.
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> Health.expect(this.client, "/actuator/health", "DEGRADED"));
		Health.expect(this.client, "/actuator/health/readiness", "UP");
		Health.expect(this.client, "/actuator/health/liveness", "UP");
		assertThat(this.meters.get("cairn.mail.up").gauge().value()).isZero();
	}

	@Test
	void aRolledBackTransactionSendsNothing() {
		this.smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));
		this.smtp.start();
		SignedIn user = Accounts.signUp(this.client);
		String to = "never-" + UUID.randomUUID() + "@example.com";
		this.transactions.executeWithoutResult((status) -> {
			this.mailer.send(new Mail(to, "Never", "Rolled back."));
			status.setRollbackOnly();
		});
		// The sign-up mail, queued after, arrives; the rolled-back one never does.
		await().atMost(Duration.ofSeconds(20)).until(() -> !messagesTo(user.email()).isEmpty());
		assertThat(messagesTo(to)).isEmpty();
	}

	private long failedPublications() {
		return this.jdbc.sql("SELECT count(*) FROM event_publication WHERE status = 'FAILED'")
			.query(Long.class)
			.single();
	}

	private List<Message> messagesTo(String recipient) {
		return Mailboxes.received(this.smtp, recipient, "");
	}

}
