package dev.cairn.notifications;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import dev.cairn.web.Caller;
import dev.cairn.web.Page;
import dev.cairn.web.RequiresScope;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/me/notifications")
class NotificationController {

	private final NotificationPreferences preferences;

	private final NotificationFeed feed;

	NotificationController(NotificationPreferences preferences, NotificationFeed feed) {
		this.preferences = preferences;
		this.feed = feed;
	}

	@RequiresScope(Caller.Scope.READ)
	@GetMapping
	Preferences preferences(Caller caller) {
		return this.preferences.get(caller.userId());
	}

	@RequiresScope(Caller.Scope.WRITE)
	@PatchMapping(consumes = { "application/merge-patch+json", "application/json" })
	Preferences updatePreferences(Caller caller, @RequestBody JsonNode patch) {
		return this.preferences.update(caller.userId(), patch);
	}

	@RequiresScope(Caller.Scope.READ)
	@GetMapping("/feed")
	ResponseEntity<Page<Notification>> feed(Caller caller, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) @Size(max = 1024) String cursor) {
		return this.feed.page(caller.userId(), unread, cursor, limit)
			.toResponse(UriComponentsBuilder.fromPath("/api/v1/me/notifications/feed")
				.queryParam("unread", unread)
				.queryParam("limit", limit));
	}

	@RequiresScope(Caller.Scope.WRITE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PostMapping("/feed/{notificationId}/read")
	ResponseEntity<Void> markRead(Caller caller, @PathVariable UUID notificationId) {
		this.feed.markRead(caller.userId(), notificationId);
		return ResponseEntity.noContent().build();
	}

	@RequiresScope(Caller.Scope.WRITE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PostMapping("/feed/read-all")
	ResponseEntity<Void> markAllRead(Caller caller) {
		this.feed.markAllRead(caller.userId());
		return ResponseEntity.noContent().build();
	}

}
