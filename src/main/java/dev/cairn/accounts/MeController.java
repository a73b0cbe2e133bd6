package dev.cairn.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import dev.cairn.web.Caller;
import dev.cairn.web.ErrorCode;
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
		return this.accounts.updateProfile(caller.userId(), patch);
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@SessionOnly
	@PostMapping("/password")
	@Refuses({ ErrorCode.WRONG_PASSWORD, ErrorCode.USER_NOT_FOUND })
	ResponseEntity<Void> changePassword(Caller caller, @Valid @RequestBody ChangePassword request) {
		this.accounts.changePassword(caller.userId(), request.currentPassword(), request.newPassword());
		return ResponseEntity.noContent().build();
	}

	record ChangePassword(@NotNull @Size(max = 1024) String currentPassword,
			@NotNull @Size(max = 1024) String newPassword) {

		@Override
		public String toString() {
			return "ChangePassword[(redacted)]";
		}

	}

}
