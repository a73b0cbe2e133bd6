package dev.cairn.notifications;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application with a real SMTP server (GreenMail) and helpers to wait for the
 * notifications of a change: all subclasses share one port, and so one application
 * context.
 */
abstract class MailTestSupport extends ApiTestSupport {

	static final String PUBLIC_URL = "https://cairn.example.com";

	private static final int SMTP_PORT = freePort();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("cairn.public-url", () -> PUBLIC_URL + "/");
	}

	/** A project of {@code owner} with the others as members. */
	UUID project(SignedIn owner, SignedIn... members) {
		UUID project = this.api.project(owner);
		for (SignedIn member : members) {
			this.api.addMember(project, member, "member");
		}
		return project;
	}

	SignedIn user() {
		return Accounts.signUp(this.client);
	}

	String comment(SignedIn author, Object taskId, String body) {
		return (String) this.api
			.call(author, HttpMethod.POST, "/api/v1/tasks/" + taskId + "/comments", Map.of("body", body))
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	/** The newest event of this type about the task. */
	UUID lastEvent(Object taskId, String type) {
		return this.jdbc.sql("SELECT id FROM events WHERE task_id = :task AND type = :type ORDER BY id DESC LIMIT 1")
			.param("task", UUID.fromString(taskId.toString()))
			.param("type", type)
			.query(UUID.class)
			.single();
	}

	/** Waits until the user has a notification of the event, and returns its kind. */
	String awaitNotification(SignedIn user, UUID eventId) {
		return await().atMost(Duration.ofSeconds(15))
			.until(() -> kindsOf(user, eventId), (kinds) -> !kinds.isEmpty())
			.get(0);
	}

	/** Kinds of the user's notifications of the event (in the feed or not). */
	List<String> kindsOf(SignedIn user, UUID eventId) {
		return this.jdbc.sql("SELECT kind FROM notifications WHERE user_id = :user AND event_id = :event")
			.param("user", user.userId())
			.param("event", eventId)
			.query(String.class)
			.list();
	}

	/** Every notification of the user, whatever the event. */
	long notificationsOf(SignedIn user) {
		return this.jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :user")
			.param("user", user.userId())
			.query(Long.class)
			.single();
	}

	/** Waits for the mail to the address whose subject starts as given. */
	static Message awaitMail(String to, String subjectPrefix) {
		return await().atMost(Duration.ofSeconds(15))
			.until(() -> mailsTo(to, subjectPrefix), (mails) -> !mails.isEmpty())
			.get(0);
	}

	/** Waits for the mail to the address whose plain text contains the fragment. */
	static Message awaitMailSaying(String to, String fragment) {
		return await().atMost(Duration.ofSeconds(15))
			.until(() -> mailsTo(to, "").stream().filter((mail) -> text(mail).contains(fragment)).toList(),
					(mails) -> !mails.isEmpty())
			.get(0);
	}

	/**
	 * The mails the address got with a subject starting as given, once no mail to it
	 * waits in the outbox any more: what was queued has arrived.
	 */
	List<Message> settledMailsTo(String to, String subjectPrefix) {
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :to")
				.param("to", "%" + to + "%")
				.query(Long.class)
				.single() == 0);
		return mailsTo(to, subjectPrefix);
	}

	static List<Message> mailsTo(String to, String subjectPrefix) {
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
	static Map<String, String> parts(Message message) throws MessagingException, IOException {
		Map<String, String> parts = new HashMap<>();
		collect(message, parts);
		return parts;
	}

	static String text(Message message) {
		return part(message, "text/plain");
	}

	static String html(Message message) {
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

	static String header(Message message, String name) throws MessagingException {
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

	private static int freePort() {
		try (var socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
