package dev.cairn.members;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import com.samskivert.mustache.Template;

import dev.cairn.mail.Mail;
import dev.cairn.mail.MailTemplates;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The invitation mail: a plain-text and an HTML part from {@code templates/mail}, with a
 * link to the web app's invitations page. It goes to an address that may have no account,
 * so it carries no token: the invitation is accepted signed in, by whoever has verified
 * that address. The subject holds only the project key (capitals and digits); the
 * project's and inviter's names, which anyone may choose, are in the body, escaped in its
 * HTML part.
 */
@Component
class InvitationMails {

	private final Template text;

	private final Template html;

	private final String publicUrl;

	InvitationMails(@Value("${cairn.public-url}") String publicUrl) {
		this.publicUrl = publicUrl.replaceAll("/+$", "");
		this.text = MailTemplates.text("invitation");
		this.html = MailTemplates.html("invitation");
	}

	Mail invitation(String to, Role role, Instant expiresAt, InvitationRepository.MailContext context) {
		Map<String, Object> model = new HashMap<>();
		model.put("inviterName", MailTemplates.oneLine(context.inviterName()));
		model.put("projectName", MailTemplates.oneLine(context.projectName()));
		model.put("projectKey", context.projectKey());
		model.put("role", role.value());
		model.put("article", (role == Role.OWNER || role == Role.ADMIN) ? "an" : "a");
		model.put("email", to);
		model.put("expiresOn", expiresAt.atOffset(ZoneOffset.UTC).toLocalDate().toString());
		model.put("invitationsUrl", this.publicUrl + "/invitations");
		Map<String, String> headers = Map.of("Auto-Submitted", "auto-generated");
		return new Mail(to, "You are invited to " + context.projectKey() + " on Cairn", this.text.execute(model),
				this.html.execute(model), headers);
	}

}
