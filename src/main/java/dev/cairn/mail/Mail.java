package dev.cairn.mail;

/**
 * One message to one recipient, plain text. The body may hold secrets (sign-in links), so
 * it is never logged.
 */
public record Mail(String to, String subject, String body) {

	@Override
	public String toString() {
		return "Mail[to=" + this.to + ", subject=" + this.subject + ", body=(redacted)]";
	}

}
