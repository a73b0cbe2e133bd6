package dev.cairn.webhooks;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.cairn.activity.ActivityLog;
import dev.cairn.members.Capability;
import dev.cairn.members.ProjectAccess;
import dev.cairn.members.ProjectAccess.ProjectNotFound;
import dev.cairn.platform.Ids;
import dev.cairn.web.Cursor;
import dev.cairn.web.Cursor.ListKey;
import dev.cairn.web.IfMatch;
import dev.cairn.web.Page;
import dev.cairn.webhooks.WebhookCommands.CreateWebhook;
import dev.cairn.webhooks.WebhookCommands.WebhookPatch;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook use cases, all for the project's admins (and owners). Changes are recorded in
 * the activity log (without the URL, which may carry a token, or the secret).
 */
@Service
public class Webhooks {

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
	public Page<Webhook> list(UUID userId, UUID projectId, String cursor, int limit) {
		this.access.requireLive(userId, projectId, Capability.WEBHOOKS_MANAGE);
		ListKey list = ListKey.of("webhooks", projectId);
		List<Webhook> rows = this.webhooks.findPage(projectId, this.cursors.afterId(list, cursor), limit + 1);
		return this.cursors.page(list, rows, limit, (webhook) -> List.of(webhook.id().toString()));
	}

	/**
	 * Registers a webhook; the answer carries its secret, which is never shown again.
	 * @throws WebhookUrlRefused when the URL cannot receive webhooks
	 * @throws TooManyWebhooks when the project has as many as it may
	 */
	@Transactional
	public Webhook.WithSecret create(UUID userId, UUID projectId, CreateWebhook command) {
		this.access.requireLive(userId, projectId, Capability.WEBHOOKS_MANAGE);
		String target = this.urls.check(command.url());
		if (this.webhooks.count(projectId) >= this.settings.maxPerProject()) {
			throw new TooManyWebhooks(this.settings.maxPerProject());
		}
		WebhookSecret signing = (command.secret() != null) ? new WebhookSecret(command.secret())
				: WebhookSecret.generate();
		UUID id = Ids.newId();
		this.webhooks.insert(id, projectId, target, command.events(), signing, userId);
		this.activity.record(new WebhookEvent.WebhookCreated(projectId, userId,
				new WebhookEvent.Subscription(id, command.events())));
		return new Webhook.WithSecret(this.webhooks.find(id).orElseThrow(), signing.value());
	}

	/**
	 * @throws WebhookNotFound when there is none, or the caller does not manage its
	 * project
	 */
	@Transactional(readOnly = true)
	public Webhook get(UUID userId, UUID webhookId) {
		return managed(userId, this.webhooks.find(webhookId));
	}

	@Transactional
	public Webhook update(UUID userId, UUID webhookId, WebhookPatch patch, IfMatch ifMatch) {
		Webhook webhook = managed(userId, this.webhooks.findForUpdate(webhookId));
		ifMatch.require(webhook.version());
		String url = patch.url().applyTo(webhook.url());
		List<String> subscribed = patch.events().applyTo(webhook.events());
		boolean enabled = patch.enabled().applyTo(webhook.enabled());
		String target = url.equals(webhook.url()) ? url : this.urls.check(url);
		this.webhooks.update(webhookId, webhook.projectId(), target, subscribed, enabled);
		this.activity.record(new WebhookEvent.WebhookUpdated(webhook.projectId(), userId,
				new WebhookEvent.Settings(webhookId, subscribed, enabled), !target.equals(webhook.url())));
		return this.webhooks.find(webhookId).orElseThrow();
	}

	@Transactional
	public void delete(UUID userId, UUID webhookId, IfMatch ifMatch) {
		Webhook webhook = managed(userId, this.webhooks.findForUpdate(webhookId));
		ifMatch.require(webhook.version());
		this.webhooks.delete(webhookId, webhook.projectId());
		this.activity.record(new WebhookEvent.WebhookDeleted(webhook.projectId(), userId,
				new WebhookEvent.Subscription(webhookId, webhook.events())));
	}

	/**
	 * Replaces the signing secret. The old one signs too (a second signature in the same
	 * header) for the overlap period, so receivers can switch without losing a delivery.
	 */
	@Transactional
	public Webhook.WithSecret rotateSecret(UUID userId, UUID webhookId) {
		Webhook webhook = managed(userId, this.webhooks.findForUpdate(webhookId));
		WebhookSecret secret = WebhookSecret.generate();
		this.webhooks.rotate(webhookId, webhook.projectId(), secret,
				this.clock.instant().plus(this.settings.secretOverlap()));
		this.activity.record(
				new WebhookEvent.WebhookSecretRotated(webhook.projectId(), userId, new WebhookEvent.Ref(webhookId)));
		return new Webhook.WithSecret(this.webhooks.find(webhookId).orElseThrow(), secret.value());
	}

	/**
	 * The webhook, when the caller manages its project; a webhook of a project the caller
	 * is not in does not exist for them.
	 */
	Webhook managed(UUID userId, Optional<Webhook> found) {
		Webhook webhook = found.orElseThrow(WebhookNotFound::new);
		try {
			this.access.requireLive(userId, webhook.projectId(), Capability.WEBHOOKS_MANAGE);
		}
		catch (ProjectNotFound ex) {
			throw new WebhookNotFound();
		}
		return webhook;
	}

}
