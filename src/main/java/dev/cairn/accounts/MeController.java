package dev.cairn.accounts;

import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import dev.cairn.web.Caller;
import dev.cairn.web.ErrorCode;
import dev.cairn.web.MergePatch;
import dev.cairn.web.Patch;
import dev.cairn.web.Refuses;
import dev.cairn.web.RequiresScope;
import dev.cairn.web.SessionOnly;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
class MeController {

	private final Accounts accounts;

	MeController(Accounts accounts) {
		this.accounts = accounts;
	}

	@RequiresScope(Caller.Scope.READ)
	@GetMapping
	@Refuses(ErrorCode.USER_NOT_FOUND)
	Me me(Caller caller) {
		return this.accounts.me(caller.userId());
	}

	@RequiresScope(Caller.Scope.WRITE)
	@PatchMapping(consumes = { "application/merge-patch+json", "application/json" })
	@Refuses(ErrorCode.USER_NOT_FOUND)
	Me update(Caller caller, @RequestBody JsonNode patch) {
		return this.accounts.updateProfile(caller.userId(), profilePatch(patch));
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@SessionOnly
	@PostMapping("/password")
	@Refuses({ ErrorCode.WRONG_PASSWORD, ErrorCode.USER_NOT_FOUND })
	ResponseEntity<Void> changePassword(Caller caller, @Valid @RequestBody ChangePassword request) {
		this.accounts.changePassword(caller.userId(), request.currentPassword(), request.newPassword());
		return ResponseEntity.noContent().build();
	}

	/**
	 * The members of a merge patch as a command. A member of the wrong type and a value
	 * that breaks a rule are listed in one answer: the rules the command refuses join
	 * what the patch found.
	 */
	private static ProfilePatch profilePatch(JsonNode body) {
		MergePatch patch = MergePatch.of(body, Set.of("displayName", "profile"));
		Patch<String> displayName = Patch.from(patch.text("displayName", ProfilePatch.MAX_DISPLAY_NAME, false));
		Optional<MergePatch> profile = patch.object("profile", Set.of("bio", "timezone", "locale", "avatarUrl"));
		Patch<String> bio = member(profile, "bio", ProfilePatch.MAX_BIO);
		Patch<String> timezone = member(profile, "timezone", ProfilePatch.MAX_TIMEZONE);
		Patch<String> locale = member(profile, "locale", ProfilePatch.MAX_LOCALE);
		Patch<String> avatarUrl = member(profile, "avatarUrl", ProfilePatch.MAX_AVATAR_URL);
		return patch.build(() -> new ProfilePatch(displayName, bio, timezone, locale, avatarUrl));
	}

	private static Patch<String> member(Optional<MergePatch> profile, String name, int maxLength) {
		return profile.map((fields) -> Patch.from(fields.text(name, maxLength, true))).orElseGet(Patch::absent);
	}

	record ChangePassword(@NotNull @Size(max = 1024) String currentPassword,
			@NotNull @Size(max = 1024) String newPassword) {

		@Override
		public String toString() {
			return "ChangePassword[(redacted)]";
		}

	}

}
