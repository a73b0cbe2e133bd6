package dev.cairn.webhooks;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import dev.cairn.activity.ActivityLog;
import dev.cairn.members.Capability;
import dev.cairn.members.ProjectAccess;
import dev.cairn.members.ProjectAccess.ProjectNotFound;
import dev.cairn.platform.Ids;
import dev.cairn.web.ApiProblem;
import dev.cairn.web.Cursor;
import dev.cairn.web.Cursor.ListKey;
import dev.cairn.web.ETags;
import dev.cairn.web.InvalidInput;
import dev.cairn.web.ErrorCode;
import dev.cairn.web.MergePatch;
import dev.cairn.web.Page;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook use cases, all for the project's admins (and owners). Changes are recorded in
 * the activity log (without the URL, which may carry a token, or the secret).
 */
@Service
class Webhooks {

	static final int MAX_EVENTS = 64;

	private final WebhookRepository webhooks;

	private final WebhookUrls urls;

	private final ProjectAccess access;

	private final ActivityLog activity;

	private final Cursor cursors;

	private final WebhookSettings settings;

	private final Clock clock;

	Webhooks(WebhookRepository webhooks, WebhookUrls urls, ProjectAccess access, ActivityLog activity, Cursor cursors,
			WebhookSettings settings, Clock clock) {
		this.webhooks = webhooks;
		this.urls = urls;
		this.access = access;
		this.activity = activity;
		this.cursors = cursors;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	Page<Webhook> list(UUID userId, UUID projectId, String cursor, int limit) {
		this.access.requireLive(userId, projectId, Capability.WEBHOOKS_MANAGE);
		ListKey list = ListKey.of("webhooks", projectId);
		List<Webhook> rows = this.webhooks.findPage(projectId, this.cursors.afterId(list, cursor), limit + 1);
		return this.cursors.page(list, rows, limit, (webhook) -> List.of(webhook.id().toString()));
	}

	/** Registers a webhook; the answer carries its secret, which is never shown again. */
	@Transactional
	Webhook create(UUID userId, UUID projectId, String url, List<String> events, String secret) {
		this.access.requireLive(userId, projectId, Capability.WEBHOOKS_MANAGE);
		List<String> subscribed = checkEvents(events);
		String target = this.urls.check(url);
		if (secret != null && !WebhookSecret.isWellFormed(secret)) {
			throw new InvalidInput("secret",
					"must be whsec_ followed by 24 to 64 bytes in base64; leave it out to get one");
		}
		if (this.webhooks.count(projectId) >= this.settings.maxPerProject()) {
			throw new ApiProblem(ErrorCode.TOO_MANY,
					"A project has at most " + this.settings.maxPerProject() + " webhooks.");
		}
		WebhookSecret signing = (secret != null) ? new WebhookSecret(secret) : WebhookSecret.generate();
		UUID id = Ids.newId();
		this.webhooks.insert(id, projectId, target, subscribed, signing, userId);
		this.activity
			.record(new WebhookEvent.WebhookCreated(projectId, userId, new WebhookEvent.Subscription(id, subscribed)));
		return this.webhooks.find(id).orElseThrow().withSecret(signing.value());
	}

	@Transactional(readOnly = true)
	Webhook get(UUID userId, UUID webhookId) {
		return managed(userId, this.webhooks.find(webhookId));
	}

	@Transactional
	Webhook update(UUID userId, UUID webhookId, JsonNode body, String ifMatch) {
		Webhook webhook = managed(userId, this.webhooks.findForUpdate(webhookId));
		ETags.require(ifMatch, webhook.version());
		MergePatch patch = MergePatch.of(body, Set.of("url", "events", "enabled"));
		String url = patch.text("url", 2048, false).map(MergePatch.Change::value).orElse(webhook.url());
		List<String> events = patch.texts("events", MAX_EVENTS, 64).orElse(webhook.events());
		boolean enabled = patch.flag("enabled").orElse(webhook.enabled());
		patch.validate();
		List<String> subscribed = checkEvents(events);
		String target = url.equals(webhook.url()) ? url : this.urls.check(url);
		this.webhooks.update(webhookId, target, subscribed, enabled);
		this.activity.record(new WebhookEvent.WebhookUpdated(webhook.projectId(), userId,
				new WebhookEvent.Settings(webhookId, subscribed, enabled), !target.equals(webhook.url())));
		return this.webhooks.find(webhookId).orElseThrow();
	}

	@Transactional
	void delete(UUID userId, UUID webhookId, String ifMatch) {
		Webhook webhook = managed(userId, this.webhooks.findForUpdate(webhookId));
		ETags.require(ifMatch, webhook.version());
		this.webhooks.delete(webhookId);
		this.activity.record(new WebhookEvent.WebhookDeleted(webhook.projectId(), userId,
				new WebhookEvent.Subscription(webhookId, webhook.events())));
	}

	/**
	 * Replaces the signing secret. The old one signs too (a second signature in the same
	 * header) for the overlap period, so receivers can switch without losing a delivery.
	 */
	@Transactional
	Webhook rotateSecret(UUID userId, UUID webhookId) {
		Webhook webhook = managed(userId, this.webhooks.findForUpdate(webhookId));
		WebhookSecret secret = WebhookSecret.generate();
		this.webhooks.rotate(webhookId, secret, this.clock.instant().plus(this.settings.secretOverlap()));
		this.activity.record(
				new WebhookEvent.WebhookSecretRotated(webhook.projectId(), userId, new WebhookEvent.Ref(webhookId)));
		return this.webhooks.find(webhookId).orElseThrow().withSecret(secret.value());
	}

	/**
	 * The webhook, when the caller manages its project; a webhook of a project the caller
	 * is not in does not exist for them.
	 */
	Webhook managed(UUID userId, java.util.Optional<Webhook> found) {
		Webhook webhook = found.orElseThrow(Webhooks::notFound);
		try {
			this.access.requireLive(userId, webhook.projectId(), Capability.WEBHOOKS_MANAGE);
		}
		catch (ProjectNotFound ex) {
			throw notFound();
		}
		return webhook;
	}

	private static List<String> checkEvents(List<String> events) {
		List<String> distinct = events.stream().map(String::strip).distinct().toList();
		for (String entry : distinct) {
			if (!Subscriptions.isSubscribable(entry)) {
				throw new InvalidInput("events", "'" + entry
						+ "' is not an event type: use a type such as task.created, all of a resource such as task.*, or *");
			}
		}
		return distinct;
	}

	static ApiProblem notFound() {
		return new ApiProblem(ErrorCode.WEBHOOK_NOT_FOUND, "No such webhook.");
	}

}
