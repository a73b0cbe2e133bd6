package dev.cairn.notifications;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.samskivert.mustache.Template;

import dev.cairn.mail.Mail;
import dev.cairn.mail.MailTemplates;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Notification mail: a plain-text and an HTML part from the templates in
 * {@code templates/mail} (values HTML-escaped in the HTML part), a subject that mail
 * clients thread by task ({@code [KEY-12] Title}), and one-click unsubscribe headers (RFC
 * 2369, RFC 8058) that turn off exactly this kind of mail.
 */
@Component
class NotificationMails {

	private static final Map<Kind, String> REASONS = Map.of(Kind.ASSIGNED,
			"You get this because the task was assigned to you.", Kind.COMMENTED,
			"You get this because you take part in this task.", Kind.MENTIONED,
			"You get this because you were mentioned.", Kind.DUE_SOON,
			"You get this because the task is assigned to you.");

	private final Template notificationText;

	private final Template notificationHtml;

	private final Template digestText;

	private final Template digestHtml;

	private final UnsubscribeTokens tokens;

	private final String publicUrl;

	NotificationMails(UnsubscribeTokens tokens, @Value("${cairn.public-url}") String publicUrl) {
		this.tokens = tokens;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
		this.notificationText = MailTemplates.text("notification");
		this.notificationHtml = MailTemplates.html("notification");
		this.digestText = MailTemplates.text("digest");
		this.digestHtml = MailTemplates.html("digest");
	}

	Mail notification(Recipient to, Kind kind, Subject subject) {
		Summary summary = subject.summary();
		Map<String, Object> model = new HashMap<>();
		model.put(kind.value(), true);
		model.put("actorName", (summary.actorName() != null) ? summary.actorName() : "Someone");
		model.put("taskKey", summary.taskKey());
		model.put("taskTitle", summary.taskTitle());
		model.put("excerpt", summary.excerpt());
		model.put("dueDate", summary.dueDate());
		model.put("taskUrl", taskUrl(summary.taskKey()));
		model.put("reason", REASONS.get(kind));
		return mail(to, kind.value(), "[" + summary.taskKey() + "] " + summary.taskTitle(), model,
				this.notificationText, this.notificationHtml);
	}

	/**
	 * @param more how many more unread notifications there are than the listed ones
	 */
	Mail digest(Recipient to, List<Notification> items, int more) {
		List<Map<String, Object>> lines = items.stream().map((item) -> {
			Map<String, Object> line = new HashMap<>();
			line.put("taskKey", item.taskKey());
			line.put("taskTitle", item.taskTitle());
			line.put("taskUrl", taskUrl(item.taskKey()));
			line.put("line", line(item));
			return line;
		}).toList();
		Map<String, Object> model = new HashMap<>();
		model.put("items", lines);
		model.put("count", items.size() + more);
		model.put("more", more);
		model.put("feedUrl", this.publicUrl + "/notifications");
		int count = items.size() + more;
		return mail(to, NotificationPreferences.DIGEST,
				"Your Cairn digest: " + count + " unread notification" + ((count == 1) ? "" : "s"), model,
				this.digestText, this.digestHtml);
	}

	private Mail mail(Recipient to, String what, String subject, Map<String, Object> model, Template text,
			Template html) {
		String token = this.tokens.issue(to.id(), what);
		model.put("settingsUrl", this.publicUrl + "/settings/notifications");
		// The body's link opens a page of the web app, which asks before it unsubscribes;
		// the header's link is the API, which mail clients POST to (RFC 8058).
		model.put("unsubscribeUrl", this.publicUrl + "/unsubscribe#token=" + token);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("List-Unsubscribe",
				"<" + this.publicUrl + "/api/v1/notifications/unsubscribe?token=" + token + ">");
		headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		// RFC 3834: no out-of-office replies to a machine.
		headers.put("Auto-Submitted", "auto-generated");
		return new Mail(to.email(), MailTemplates.oneLine(subject), text.execute(model), html.execute(model), headers);
	}

	private String taskUrl(String taskKey) {
		return this.publicUrl + "/tasks/" + taskKey;
	}

	private static String line(Notification item) {
		String actor = (item.actorName() != null) ? item.actorName() : "Someone";
		return switch (Kind.of(item.kind()).orElseThrow()) {
			case ASSIGNED -> actor + " assigned it to you";
			case COMMENTED -> actor + " commented";
			case MENTIONED -> actor + " mentioned you";
			case DUE_SOON -> "due on " + item.dueDate();
		};
	}

}
