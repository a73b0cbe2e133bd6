package dev.cairn.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/**
 * For tests that send mail through a real SMTP server (GreenMail): a port to run it on,
 * chosen before the application starts, and the messages it received for someone.
 */
public final class Mailboxes {

	private Mailboxes() {
	}

	/** A port free right now, for an SMTP server the application will be told about. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The messages to {@code recipient} whose subject contains {@code subject}. */
	public static List<Message> received(GreenMailOperations smtp, String recipient, String subject) {
		if (smtp == null) {
			return List.of();
		}
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> {
			try {
				return message.getAllRecipients()[0].toString().equals(recipient)
						&& message.getSubject().contains(subject);
			}
			catch (MessagingException ex) {
				return false;
			}
		}).map(Message.class::cast).toList();
	}

}
