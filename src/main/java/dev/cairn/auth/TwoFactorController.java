package dev.cairn.auth;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.cairn.web.Caller;
import dev.cairn.web.SessionOnly;
import dev.cairn.web.ErrorCode;
import dev.cairn.web.Refuses;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

// No @RequiresScope: personal access tokens cannot change how their owner signs in.
@RestController
@RequestMapping("/api/v1/me/2fa/totp")
class TwoFactorController {

	private final TwoFactor twoFactor;

	TwoFactorController(TwoFactor twoFactor) {
		this.twoFactor = twoFactor;
	}

	@SessionOnly
	@PostMapping
	@Refuses({ ErrorCode.TWO_FACTOR_ALREADY_ON, ErrorCode.USER_NOT_FOUND })
	TwoFactor.Enrolment enroll(Caller caller) {
		return this.twoFactor.enroll(caller.userId());
	}

	@SessionOnly
	@PostMapping("/confirm")
	@Refuses({ ErrorCode.WRONG_PASSWORD, ErrorCode.TWO_FACTOR_NOT_STARTED, ErrorCode.WRONG_CODE,
			ErrorCode.USER_NOT_FOUND })
	RecoveryCodes confirm(Caller caller, @Valid @RequestBody Confirm request) {
		return new RecoveryCodes(this.twoFactor.confirm(caller.userId(), request.password(), request.code()));
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@SessionOnly
	@DeleteMapping
	@Refuses({ ErrorCode.WRONG_PASSWORD, ErrorCode.WRONG_CODE, ErrorCode.USER_NOT_FOUND })
	ResponseEntity<Void> disable(Caller caller, @Valid @RequestBody Disable request) {
		this.twoFactor.disable(caller.userId(), request.password(), request.code());
		return ResponseEntity.noContent().build();
	}

	record Confirm(@NotBlank @Size(max = 16) String code, @NotNull @Size(max = 1024) String password) {

		@Override
		public String toString() {
			return "Confirm[(redacted)]";
		}

	}

	record Disable(@NotNull @Size(max = 1024) String password, @NotBlank @Size(max = 16) String code) {

		@Override
		public String toString() {
			return "Disable[(redacted)]";
		}

	}

	record RecoveryCodes(List<String> recoveryCodes) {

		@Override
		public String toString() {
			return "RecoveryCodes[(redacted)]";
		}

	}

}
