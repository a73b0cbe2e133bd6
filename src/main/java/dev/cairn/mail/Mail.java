package dev.cairn.mail;

import java.util.Map;

/**
 * One message to one recipient: plain text, optionally with an HTML alternative and extra
 * headers ({@code List-Unsubscribe}). The body may hold secrets (sign-in links), so it is
 * never logged.
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param text the plain-text body, always sent
 * @param html the HTML alternative, or null
 * @param headers extra headers, or empty
 */
public record Mail(String to, String subject, String text, String html, Map<String, String> headers) {

	public Mail {
		headers = (headers != null) ? Map.copyOf(headers) : Map.of();
	}

	/** A plain-text message. */
	public Mail(String to, String subject, String text) {
		this(to, subject, text, null, Map.of());
	}

	@Override
	public String toString() {
		return "Mail[to=" + this.to + ", subject=" + this.subject + ", body=(redacted)]";
	}

}
