package dev.cairn.notifications;

import java.time.Clock;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.cairn.web.Caller;
import dev.cairn.web.ErrorCode;
import dev.cairn.web.SessionOnly;
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
 * which needs no reading) or by the page {@code /unsubscribe}. No sign-in while the link
 * is fresh: the token is the authority, and it can only turn one kind of mail off. An
 * expired one works only for its owner, signed in.
 */
@RestController
class UnsubscribeController {

	private final UnsubscribeTokens tokens;

	private final NotificationPreferences preferences;

	private final Clock clock;

	UnsubscribeController(UnsubscribeTokens tokens, NotificationPreferences preferences, Clock clock) {
		this.tokens = tokens;
		this.preferences = preferences;
		this.clock = clock;
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@SessionOnly
	@PostMapping("/api/v1/notifications/unsubscribe")
	@Refuses({ ErrorCode.INVALID_UNSUBSCRIBE_TOKEN, ErrorCode.UNSUBSCRIBE_LINK_EXPIRED })
	ResponseEntity<Void> unsubscribe(@RequestParam(required = false) @Parameter(
			schema = @Schema(type = "string", maxLength = UnsubscribeTokens.MAX_LENGTH)) String token) {
		var unsubscribe = this.tokens.read(token).orElseThrow(InvalidUnsubscribeToken::new);
		// Checked after the signature, so that the answer tells a genuine old link (whose
		// reader needs to know what to do instead) from a forged one.
		if (unsubscribe.expiredAt(this.clock.instant()) && !signedInAs(unsubscribe.userId())) {
			throw new UnsubscribeLinkExpired();
		}
		this.preferences.unsubscribe(unsubscribe.userId(), unsubscribe.what());
		return ResponseEntity.noContent().build();
	}

	// The owner's credentials, with the right to change their settings (a session has it;
	// personal access tokens are refused before this route anyway).
	private static boolean signedInAs(UUID userId) {
		return Caller.current()
			.filter((caller) -> caller.userId().equals(userId) && caller.may(Caller.Scope.WRITE))
			.isPresent();
	}

}
