package dev.cairn.mail;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends mail after the current transaction commits (so a rolled-back change sends
 * nothing) on a background virtual thread (so a slow SMTP server never holds a request).
 * Delivery is best effort until the event publication registry arrives with the
 * notifications feature, which makes it at-least-once.
 */
@Component
public class Mailer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final JavaMailSender sender;

	private final MailSettings settings;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	Mailer(ObjectProvider<JavaMailSender> sender, MailSettings settings) {
		this.sender = sender.getIfAvailable();
		this.settings = settings;
	}

	public void send(Mail mail) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Mailer.this.executor.execute(() -> deliver(mail));
				}
			});
		}
		else {
			this.executor.execute(() -> deliver(mail));
		}
	}

	private void deliver(Mail mail) {
		if (this.sender == null) {
			log.info("Mail to {} with subject '{}' not sent: no SMTP server is configured (SPRING_MAIL_HOST)",
					mail.to(), mail.subject());
			return;
		}
		try {
			var message = this.sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
			helper.setFrom(new InternetAddress(this.settings.from()));
			helper.setTo(mail.to());
			helper.setSubject(mail.subject());
			helper.setText(mail.body());
			this.sender.send(message);
			log.info("Mail sent to {} with subject '{}'", mail.to(), mail.subject());
		}
		catch (MailException | jakarta.mail.MessagingException ex) {
			log.warn("Mail to {} with subject '{}' failed: {}", mail.to(), mail.subject(), ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		this.executor.close(); // waits for messages being sent
	}

}
