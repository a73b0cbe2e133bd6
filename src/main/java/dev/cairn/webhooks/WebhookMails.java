package dev.cairn.webhooks;

import java.util.Map;

import com.samskivert.mustache.Template;

import dev.cairn.mail.Mail;
import dev.cairn.mail.MailTemplates;

import org.springframework.stereotype.Component;

/**
 * The mail that tells a project's owners and admins that Cairn turned one of its webhooks
 * off: a plain-text and an HTML part from {@code templates/mail}. It shows the URL, which
 * may hold a token: it goes only to those who manage the webhook and may read it anyway.
 */
@Component
class WebhookMails {

	private final Template text = MailTemplates.text("webhook-disabled");

	private final Template html = MailTemplates.html("webhook-disabled");

	Mail disabled(String to, Webhook webhook, String reason) {
		Map<String, Object> model = Map.of("webhookId", webhook.id(), "url", webhook.url(), "reason", reason);
		// RFC 3834: no out-of-office replies to a machine.
		Map<String, String> headers = Map.of("Auto-Submitted", "auto-generated");
		return new Mail(to, "Cairn disabled a webhook that kept failing", this.text.execute(model),
				this.html.execute(model), headers);
	}

}
