package dev.cairn.notifications;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.cairn.web.ApiProblem;
import dev.cairn.web.ErrorCode;
import dev.cairn.web.Refuses;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * One-click unsubscribe (RFC 8058): the {@code List-Unsubscribe} URL of a notification
 * mail, POSTed by the mail client (with the form body {@code List-Unsubscribe=One-Click},
 * which needs no reading) or by the web app. No sign-in: the token is the authority, and
 * it can only turn one kind of mail off.
 */
@RestController
class UnsubscribeController {

	private final UnsubscribeTokens tokens;

	private final NotificationPreferences preferences;

	UnsubscribeController(UnsubscribeTokens tokens, NotificationPreferences preferences) {
		this.tokens = tokens;
		this.preferences = preferences;
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PostMapping("/api/v1/notifications/unsubscribe")
	@Refuses(ErrorCode.INVALID_UNSUBSCRIBE_TOKEN)
	ResponseEntity<Void> unsubscribe(@RequestParam(required = false) @Parameter(
			schema = @Schema(type = "string", maxLength = UnsubscribeTokens.MAX_LENGTH)) String token) {
		var unsubscribe = this.tokens.read(token)
			.orElseThrow(() -> new ApiProblem(ErrorCode.INVALID_UNSUBSCRIBE_TOKEN,
					"The token is not an unsubscribe token this server made, or it was altered."));
		this.preferences.unsubscribe(unsubscribe.userId(), unsubscribe.what());
		return ResponseEntity.noContent().build();
	}

}
