package dev.cairn.mail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import dev.cairn.platform.SecretBox;

/**
 * A message waiting to be sent, as the event publication registry stores it with the
 * transaction that asked for it, until {@link MailDelivery} has handed it to the SMTP
 * server. The bodies are sealed: they may hold a sign-in or reset link, which must not
 * lie readable in the database (or a backup of it) while an SMTP outage lasts.
 *
 * @param text the plain-text body, sealed, in base64
 * @param html the HTML body, sealed, in base64, or null
 */
record MailQueued(String to, String subject, String text, String html, Map<String, String> headers) {

	static MailQueued of(Mail mail, SecretBox box) {
		return new MailQueued(mail.to(), mail.subject(), seal(mail.text(), box),
				(mail.html() != null) ? seal(mail.html(), box) : null, mail.headers());
	}

	Mail open(SecretBox box) {
		return new Mail(this.to, this.subject, open(this.text, box), (this.html != null) ? open(this.html, box) : null,
				this.headers);
	}

	private static String seal(String body, SecretBox box) {
		return Base64.getEncoder().encodeToString(box.seal(body.getBytes(StandardCharsets.UTF_8)));
	}

	private static String open(String sealed, SecretBox box) {
		return new String(box.open(Base64.getDecoder().decode(sealed)), StandardCharsets.UTF_8);
	}

}
