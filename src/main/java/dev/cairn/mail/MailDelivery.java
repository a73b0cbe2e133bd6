package dev.cairn.mail;

import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cairn.platform.SecretBox;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Hands queued mail to the SMTP server. A failure leaves the publication incomplete, and
 * the event recovery job tries again later; with no SMTP server configured, a log line
 * (without the body) stands in for the message. Neither line names the recipient: an
 * email address is personal data, and logs are kept and shipped where mail is not.
 */
@Component
class MailDelivery {

	private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

	private final JavaMailSender sender;

	private final MailSettings settings;

	private final SecretBox box;

	MailDelivery(ObjectProvider<JavaMailSender> sender, MailSettings settings, SecretBox box) {
		this.sender = sender.getIfAvailable();
		this.settings = settings;
		this.box = box;
	}

	@ApplicationModuleListener
	void on(MailQueued queued) throws MessagingException {
		Mail mail = queued.open(this.box);
		if (this.sender == null) {
			log.info("Mail with subject '{}' not sent: no SMTP server is configured (SPRING_MAIL_HOST)",
					mail.subject());
			return;
		}
		this.sender.send(message(mail));
		log.info("Mail sent with subject '{}'", mail.subject());
	}

	private MimeMessage message(Mail mail) throws MessagingException {
		MimeMessage message = this.sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, mail.html() != null, "UTF-8");
		helper.setFrom(new InternetAddress(this.settings.from()));
		helper.setTo(mail.to());
		helper.setSubject(mail.subject());
		if (mail.html() != null) {
			helper.setText(mail.text(), mail.html());
		}
		else {
			helper.setText(mail.text());
		}
		for (Map.Entry<String, String> header : mail.headers().entrySet()) {
			message.setHeader(header.getKey(), header.getValue());
		}
		return message;
	}

}
