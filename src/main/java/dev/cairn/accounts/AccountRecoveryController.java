package dev.cairn.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.cairn.web.ClientAddress;
import dev.cairn.web.ErrorCode;
import dev.cairn.web.Refuses;
import dev.cairn.web.Throttle;
import dev.cairn.web.SessionOnly;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
class AccountRecoveryController {

	private final AccountRecovery recovery;

	private final Throttle throttle;

	AccountRecoveryController(AccountRecovery recovery, Throttle throttle) {
		this.recovery = recovery;
		this.throttle = throttle;
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@SessionOnly
	@PostMapping("/email/verify")
	@Refuses(ErrorCode.INVALID_LINK_TOKEN)
	ResponseEntity<Void> verifyEmail(@Valid @RequestBody LinkToken request, HttpServletRequest http) {
		this.throttle.attempt(Throttle.Rule.PASSWORD_RESET_IP, ClientAddress.key(http));
		this.recovery.verifyEmail(request.token());
		return ResponseEntity.noContent().build();
	}

	// 202 whether or not the address has an account: no enumeration.
	@ResponseStatus(HttpStatus.ACCEPTED)
	@SessionOnly
	@PostMapping("/password/forgot")
	ResponseEntity<Void> forgotPassword(@Valid @RequestBody ForgotPassword request, HttpServletRequest http) {
		this.throttle.attempt(Throttle.Rule.PASSWORD_RESET_IP, ClientAddress.key(http));
		this.throttle.attempt(Throttle.Rule.PASSWORD_RESET_ACCOUNT, request.email().strip());
		this.recovery.requestPasswordReset(request.email().strip());
		return ResponseEntity.accepted().build();
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@SessionOnly
	@PostMapping("/password/reset")
	@Refuses(ErrorCode.INVALID_LINK_TOKEN)
	ResponseEntity<Void> resetPassword(@Valid @RequestBody ResetPassword request, HttpServletRequest http) {
		this.throttle.attempt(Throttle.Rule.PASSWORD_RESET_IP, ClientAddress.key(http));
		this.recovery.resetPassword(request.token(), request.newPassword());
		return ResponseEntity.noContent().build();
	}

	record LinkToken(@NotBlank @Size(max = 128) String token) {

		@Override
		public String toString() {
			return "LinkToken[(redacted)]";
		}

	}

	record ForgotPassword(@NotBlank @Size(max = 254) String email) {
	}

	record ResetPassword(@NotBlank @Size(max = 128) String token, @NotNull @Size(max = 1024) String newPassword) {

		@Override
		public String toString() {
			return "ResetPassword[(redacted)]";
		}

	}

}
