package dev.cairn.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Message;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.MailApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The owners and admins of a project hear, by mail through a real SMTP server, that Cairn
 * turned off one of its webhooks; members do not.
 */
class WebhookDisabledMailTests extends MailApiTestSupport {

	private static final String SUBJECT = "Cairn disabled a webhook";

	@Test
	void ownersAndAdminsAreMailedWhenAWebhookIsDisabled() {
		try (Receiver failing = Receiver.start().answering(503)) {
			SignedIn owner = this.users.signedIn();
			SignedIn admin = this.users.signedIn();
			SignedIn member = this.users.signedIn();
			UUID project = this.api.project(owner);
			this.api.addMember(project, admin, "admin");
			this.api.addMember(project, member, "member");
			Map<?, ?> webhook = this.api
				.call(owner, HttpMethod.POST, WebhookApiTests.webhooks(project),
						Map.of("url", failing.url(), "events", List.of("task.created")))
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			this.api.task(owner, project, Map.of("title", "Never delivered"));

			await().atMost(Duration.ofSeconds(30))
				.until(() -> !mailsTo(owner.email(), SUBJECT).isEmpty() && !mailsTo(admin.email(), SUBJECT).isEmpty());
			Message mail = mailsTo(admin.email(), SUBJECT).get(0);
			assertThat(text(mail)).contains(failing.url()).contains("HTTP 503").contains((String) webhook.get("id"));
			assertThat(mailsTo(member.email(), SUBJECT)).isEmpty();
			List<?> activity = (List<?>) this.api.page(owner, "/api/v1/projects/" + project + "/activity").get("items");
			List<Object> types = activity.stream().map((entry) -> (Object) ((Map<?, ?>) entry).get("type")).toList();
			assertThat(types).contains("webhook.disabled");
		}
	}

}
