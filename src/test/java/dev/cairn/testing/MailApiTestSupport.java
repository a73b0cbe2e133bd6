package dev.cairn.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * API tests with a real SMTP server (GreenMail) and Cairn at a public https address. All
 * subclasses share one port and so one application context, which runs background jobs:
 * mail is delivered through the event publication registry, whose recovery is a job, and
 * the mails of reminders, digests and disabled webhooks come from jobs.
 */
@WithJobs
public abstract class MailApiTestSupport extends ApiTestSupport {

	public static final String PUBLIC_URL = "https://cairn.example.com";

	// A port fixed before the application context starts, which happens before the
	// server does.
	private static final int SMTP_PORT = Mailboxes.freePort();

	@RegisterExtension
	protected static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("cairn.public-url", () -> PUBLIC_URL + "/");
	}

	/** Waits for the mail to the address whose subject starts as given. */
	public static Message awaitMail(String to, String subjectPrefix) {
		return await().atMost(Duration.ofSeconds(15))
			.until(() -> mailsTo(to, subjectPrefix), (mails) -> !mails.isEmpty())
			.get(0);
	}

	/** Waits for the mail to the address whose plain text contains the fragment. */
	public static Message awaitMailSaying(String to, String fragment) {
		return await().atMost(Duration.ofSeconds(15))
			.until(() -> mailsTo(to, "").stream().filter((mail) -> text(mail).contains(fragment)).toList(),
					(mails) -> !mails.isEmpty())
			.get(0);
	}

	/**
	 * The mails the address got with a subject starting as given, once no mail to it
	 * waits in the outbox any more: what was queued has arrived.
	 */
	public List<Message> settledMailsTo(String to, String subjectPrefix) {
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :to")
				.param("to", "%" + to + "%")
				.query(Long.class)
				.single() == 0);
		return mailsTo(to, subjectPrefix);
	}

	public static List<Message> mailsTo(String to, String subjectPrefix) {
		return Arrays.stream(smtp.getReceivedMessages()).map(Message.class::cast).filter((message) -> {
			try {
				return message.getSubject().startsWith(subjectPrefix)
						&& message.getAllRecipients()[0].toString().equalsIgnoreCase(to);
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toList();
	}

	/** The text and HTML parts of a mail, by content type ({@code text/plain}, ...). */
	public static Map<String, String> parts(Message message) throws MessagingException, IOException {
		Map<String, String> parts = new HashMap<>();
		collect(message, parts);
		return parts;
	}

	public static String text(Message message) {
		return part(message, "text/plain");
	}

	public static String html(Message message) {
		return part(message, "text/html");
	}

	private static String part(Message message, String type) {
		try {
			String part = parts(message).get(type);
			assertThat(part).as(type).isNotNull();
			return part;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String header(Message message, String name) throws MessagingException {
		String[] values = message.getHeader(name);
		assertThat(values).as(name).isNotNull().hasSize(1);
		return values[0];
	}

	private static void collect(Part part, Map<String, String> parts) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, parts);
			}
		}
		else if (part.isMimeType("text/plain")) {
			parts.put("text/plain", (String) part.getContent());
		}
		else if (part.isMimeType("text/html")) {
			parts.put("text/html", (String) part.getContent());
		}
	}

}
