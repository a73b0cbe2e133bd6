package dev.cairn.notifications;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import dev.cairn.web.Caller;
import dev.cairn.web.MergePatch;
import dev.cairn.web.Page;
import dev.cairn.web.Patch;
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

@RestController
@RequestMapping("/api/v1/me/notifications")
class NotificationController {

	private static final Set<String> KINDS = Arrays.stream(Kind.values())
		.map(Kind::value)
		.collect(Collectors.toUnmodifiableSet());

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
		return this.preferences.update(caller.userId(), preferencesPatch(patch));
	}

	@RequiresScope(Caller.Scope.READ)
	@GetMapping("/feed")
	ResponseEntity<Page<Notification>> feed(Caller caller, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) @Size(max = 1024) String cursor, HttpServletRequest request) {
		return this.feed.page(caller.userId(), unread, cursor, limit).toResponse(request);
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

	/**
	 * A JSON Merge Patch such as {@code {"email": {"commented": false}}} as a command:
	 * every switch a boolean, none of them (nor a channel) null.
	 */
	private static PreferencesPatch preferencesPatch(JsonNode body) {
		MergePatch patch = MergePatch.of(body, Set.of("email", "inApp", NotificationPreferences.DIGEST));
		for (String channel : new String[] { "email", "inApp" }) {
			if (body.has(channel) && body.get(channel).isNull()) {
				patch.reject(channel, "must not be null");
			}
		}
		Map<Kind, Boolean> email = switches(patch.object("email", KINDS));
		Map<Kind, Boolean> inApp = switches(patch.object("inApp", KINDS));
		Patch<Boolean> digest = patch.bool(NotificationPreferences.DIGEST).map(Patch::of).orElseGet(Patch::absent);
		return patch.build(() -> new PreferencesPatch(email, inApp, digest));
	}

	private static Map<Kind, Boolean> switches(Optional<MergePatch> channel) {
		Map<Kind, Boolean> switches = new EnumMap<>(Kind.class);
		channel.ifPresent((patch) -> {
			for (Kind kind : Kind.values()) {
				patch.bool(kind.value()).ifPresent((on) -> switches.put(kind, on));
			}
		});
		return switches;
	}

}
