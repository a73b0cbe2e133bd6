package dev.cairn.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.cairn.mail.Mail;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail to a project's admins when Cairn turns a failing webhook off, from its
 * templates.
 */
class WebhookMailsTests {

	private final Webhook webhook = new Webhook(UUID.fromString("0190a4b2-0000-7000-8000-000000000001"),
			UUID.randomUUID(), "https://example.com/hooks?a=1&b=<2>", List.of("*"), false, null, null, null,
			Instant.now(), Instant.now(), 3);

	@Test
	void theMailSaysWhichWebhookWhyAndHowToTurnItBackOn() {
		Mail mail = new WebhookMails().disabled("admin@example.com", this.webhook, "the last attempt: HTTP 500");
		assertThat(mail.to()).isEqualTo("admin@example.com");
		assertThat(mail.subject()).isEqualTo("Cairn disabled a webhook that kept failing");
		assertThat(mail.text()).contains("so it has turned it off.")
			.contains("Webhook: 0190a4b2-0000-7000-8000-000000000001\n")
			.contains("URL: https://example.com/hooks?a=1&b=<2>\n")
			.contains("Why: the last attempt: HTTP 500\n")
			.contains("PATCH /api/v1/webhooks/0190a4b2-0000-7000-8000-000000000001 with {\"enabled\": true}");
		assertThat(mail.headers()).containsEntry("Auto-Submitted", "auto-generated");
	}

	@Test
	void theHtmlPartEscapesTheUrl() {
		Mail mail = new WebhookMails().disabled("admin@example.com", this.webhook, "HTTP 500");
		assertThat(mail.html()).contains("&amp;b").contains("&lt;2&gt;").doesNotContain("<2>");
	}

}
