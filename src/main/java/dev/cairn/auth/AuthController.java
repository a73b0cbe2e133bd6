package dev.cairn.auth;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.cairn.accounts.Accounts;
import dev.cairn.accounts.RegisteredUser;
import dev.cairn.web.Caller;
import dev.cairn.web.ErrorCode;
import dev.cairn.web.InvalidInput;
import dev.cairn.web.ClientAddress;
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
class AuthController {

	private final Accounts accounts;

	private final Sessions sessions;

	private final Throttle throttle;

	private final TwoFactor twoFactor;

	AuthController(Accounts accounts, Sessions sessions, Throttle throttle, TwoFactor twoFactor) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.throttle = throttle;
		this.twoFactor = twoFactor;
	}

	@ResponseStatus(HttpStatus.CREATED)
	@SessionOnly
	@PostMapping("/register")
	ResponseEntity<RegisteredUser> register(@Valid @RequestBody Register request, HttpServletRequest http) {
		this.throttle.attempt(Throttle.Rule.REGISTER_IP, ClientAddress.key(http));
		RegisteredUser user = this.accounts.register(request.email().strip(), request.password(),
				request.displayName());
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user);
	}

	@SessionOnly
	@PostMapping("/login")
	@Refuses({ ErrorCode.INVALID_CREDENTIALS })
	Object login(@Valid @RequestBody Login request, HttpServletRequest http) {
		this.throttle.attempt(Throttle.Rule.LOGIN_IP, ClientAddress.key(http));
		this.throttle.attempt(Throttle.Rule.LOGIN_ACCOUNT, request.email().strip());
		var userId = this.accounts.authenticate(request.email().strip(), request.password());
		if (this.twoFactor.isEnabled(userId)) {
			return new SecondFactorRequired(true, this.twoFactor.challenge(userId));
		}
		return this.sessions.start(userId, client(http));
	}

	@SessionOnly
	@PostMapping("/login/mfa")
	@Refuses({ ErrorCode.INVALID_SECOND_FACTOR })
	TokenPair loginSecondFactor(@Valid @RequestBody SecondFactor request, HttpServletRequest http) {
		this.throttle.attempt(Throttle.Rule.LOGIN_IP, ClientAddress.key(http));
		// Each challenge allows five wrong codes; a new one needs the password,
		// which is throttled.
		if ((request.code() == null) == (request.recoveryCode() == null)) {
			throw new InvalidInput("code", "give either code or recoveryCode");
		}
		return this.sessions.startWithSecondFactor(request.challenge(), request.code(), request.recoveryCode(),
				client(http));
	}

	@SessionOnly
	@PostMapping("/refresh")
	@Refuses({ ErrorCode.INVALID_REFRESH_TOKEN })
	TokenPair refresh(@Valid @RequestBody RefreshTokenBody request, HttpServletRequest http) {
		this.throttle.attempt(Throttle.Rule.REFRESH_IP, ClientAddress.key(http));
		return this.sessions.refresh(request.refreshToken(), client(http));
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@SessionOnly
	@PostMapping("/logout")
	ResponseEntity<Void> logout(@Valid @RequestBody RefreshTokenBody request) {
		this.sessions.logout(request.refreshToken());
		return ResponseEntity.noContent().build();
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@SessionOnly
	@PostMapping("/logout-all")
	ResponseEntity<Void> logoutAll(Caller caller) {
		this.sessions.logoutAll(caller.userId());
		return ResponseEntity.noContent().build();
	}

	private static Client client(HttpServletRequest http) {
		return new Client(http.getHeader("User-Agent"), http.getRemoteAddr());
	}

	record Register(@NotBlank @Email(regexp = ".+@.+\\..+") @Size(max = 254) String email,
			@NotNull @Size(max = 1024) String password, @NotBlank @Size(max = 100) String displayName) {

		// Request bodies are logged at DEBUG by Spring MVC: never with the password.
		@Override
		public String toString() {
			return "Register[email=" + this.email + ", displayName=" + this.displayName + ", password=(redacted)]";
		}

	}

	record Login(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 1024) String password) {

		@Override
		public String toString() {
			return "Login[email=" + this.email + ", password=(redacted)]";
		}

	}

	record SecondFactorRequired(boolean mfaRequired, String challenge) {

		@Override
		public String toString() {
			return "SecondFactorRequired[challenge=(redacted)]";
		}

	}

	record SecondFactor(@NotBlank @Size(max = 128) String challenge, @Size(max = 16) String code,
			@Size(max = 32) String recoveryCode) {

		@Override
		public String toString() {
			return "SecondFactor[(redacted)]";
		}

	}

	record RefreshTokenBody(@NotBlank @Size(max = 256) String refreshToken) {

		@Override
		public String toString() {
			return "RefreshTokenBody[refreshToken=(redacted)]";
		}

	}

}
