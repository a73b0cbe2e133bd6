package dev.cairn.webhooks;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import dev.cairn.web.Caller;
import dev.cairn.web.ETags;
import dev.cairn.web.ErrorCode;
import dev.cairn.web.IfMatch;
import dev.cairn.web.MergePatch;
import dev.cairn.web.Page;
import dev.cairn.web.Patch;
import dev.cairn.web.Refuses;
import dev.cairn.web.RequiresScope;
import dev.cairn.webhooks.WebhookCommands.CreateWebhook;
import dev.cairn.webhooks.WebhookCommands.WebhookPatch;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static dev.cairn.webhooks.WebhookCommands.MAX_EVENTS;
import static dev.cairn.webhooks.WebhookCommands.MAX_EVENT_LENGTH;
import static dev.cairn.webhooks.WebhookCommands.MAX_URL_LENGTH;

@RestController
class WebhookController {

	private final Webhooks webhooks;

	private final Deliveries deliveries;

	WebhookController(Webhooks webhooks, Deliveries deliveries) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@GetMapping("/api/v1/projects/{projectId}/webhooks")
	ResponseEntity<Page<WebhookResponse>> list(Caller caller, @PathVariable UUID projectId,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) @Size(max = 1024) String cursor, HttpServletRequest request) {
		return this.webhooks.list(caller.userId(), projectId, cursor, limit)
			.map(WebhookResponse::of)
			.toResponse(request);
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/projects/{projectId}/webhooks")
	@Refuses({ ErrorCode.TOO_MANY, ErrorCode.WEBHOOK_URL_REFUSED })
	ResponseEntity<WebhookResponse> create(Caller caller, @PathVariable UUID projectId,
			@Valid @RequestBody NewWebhook request) {
		Webhook.WithSecret created = this.webhooks.create(caller.userId(), projectId,
				new CreateWebhook(request.url(), request.events(), request.secret()));
		return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.webhook().id()))
			.eTag(ETags.of(created.webhook().version()))
			.body(WebhookResponse.of(created));
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@GetMapping("/api/v1/webhooks/{webhookId}")
	ResponseEntity<WebhookResponse> get(Caller caller, @PathVariable UUID webhookId,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		Webhook webhook = this.webhooks.get(caller.userId(), webhookId);
		return ETags.read(WebhookResponse.of(webhook), webhook.version(), ifNoneMatch);
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@PatchMapping(path = "/api/v1/webhooks/{webhookId}",
			consumes = { "application/merge-patch+json", "application/json" })
	@Refuses({ ErrorCode.WEBHOOK_URL_REFUSED })
	ResponseEntity<WebhookResponse> update(Caller caller, @PathVariable UUID webhookId, @RequestBody JsonNode patch,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Webhook webhook = this.webhooks.update(caller.userId(), webhookId, webhookPatch(patch),
				IfMatch.header(ifMatch));
		return ResponseEntity.ok().eTag(ETags.of(webhook.version())).body(WebhookResponse.of(webhook));
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/api/v1/webhooks/{webhookId}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable UUID webhookId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.webhooks.delete(caller.userId(), webhookId, IfMatch.header(ifMatch));
		return ResponseEntity.noContent().build();
	}

	/** A new signing secret, shown once; the old one keeps signing for the overlap. */
	@RequiresScope(Caller.Scope.ADMIN)
	@PostMapping("/api/v1/webhooks/{webhookId}/secret")
	ResponseEntity<WebhookResponse> rotateSecret(Caller caller, @PathVariable UUID webhookId) {
		Webhook.WithSecret rotated = this.webhooks.rotateSecret(caller.userId(), webhookId);
		return ResponseEntity.ok().eTag(ETags.of(rotated.webhook().version())).body(WebhookResponse.of(rotated));
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PostMapping("/api/v1/webhooks/{webhookId}/ping")
	ResponseEntity<Delivery> ping(Caller caller, @PathVariable UUID webhookId) {
		Delivery delivery = this.deliveries.ping(caller.userId(), webhookId);
		return accepted(delivery);
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@GetMapping("/api/v1/webhooks/{webhookId}/deliveries")
	ResponseEntity<Page<Delivery>> deliveries(Caller caller, @PathVariable UUID webhookId,
			@RequestParam(required = false) @Size(max = 16) String status,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) @Size(max = 1024) String cursor, HttpServletRequest request) {
		return this.deliveries.list(caller.userId(), webhookId, status, cursor, limit).toResponse(request);
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@GetMapping("/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}")
	Delivery delivery(Caller caller, @PathVariable UUID webhookId, @PathVariable UUID deliveryId) {
		return this.deliveries.get(caller.userId(), webhookId, deliveryId);
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PostMapping("/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver")
	@Refuses({ ErrorCode.WEBHOOK_DISABLED })
	ResponseEntity<Delivery> redeliver(Caller caller, @PathVariable UUID webhookId, @PathVariable UUID deliveryId) {
		return accepted(this.deliveries.redeliver(caller.userId(), webhookId, deliveryId));
	}

	private static ResponseEntity<Delivery> accepted(Delivery delivery) {
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/api/v1/webhooks/" + delivery.webhookId() + "/deliveries/" + delivery.id()))
			.body(delivery);
	}

	/**
	 * The members of a merge patch as a command: a member of the wrong type, or one the
	 * patch may not hold, is refused here with the others; the rules of the values when
	 * the command is built.
	 */
	private static WebhookPatch webhookPatch(JsonNode body) {
		MergePatch patch = MergePatch.of(body, Set.of("url", "events", "enabled"));
		Patch<String> url = Patch.from(patch.text("url", MAX_URL_LENGTH, false));
		Patch<List<String>> events = patch.texts("events", MAX_EVENTS, MAX_EVENT_LENGTH)
			.map(Patch::of)
			.orElseGet(Patch::absent);
		Patch<Boolean> enabled = patch.flag("enabled").map(Patch::of).orElseGet(Patch::absent);
		return patch.build(() -> new WebhookPatch(url, events, enabled));
	}

	record NewWebhook(@NotBlank @Size(max = MAX_URL_LENGTH) String url,
			@NotNull @Size(min = 1, max = MAX_EVENTS) List<@NotBlank @Size(max = MAX_EVENT_LENGTH) String> events,
			@Size(max = 128) String secret) {
	}

}
