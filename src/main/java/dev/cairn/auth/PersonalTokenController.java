package dev.cairn.auth;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.cairn.web.Caller;
import dev.cairn.web.InvalidInput;
import dev.cairn.web.RequiresScope;
import dev.cairn.web.SessionOnly;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me/tokens")
class PersonalTokenController {

	private final PersonalTokens tokens;

	PersonalTokenController(PersonalTokens tokens) {
		this.tokens = tokens;
	}

	// At most MAX_ACTIVE_PER_USER tokens exist, so the list is one bounded page.
	@RequiresScope(Caller.Scope.READ)
	@GetMapping
	Map<String, Object> list(Caller caller) {
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("items", this.tokens.list(caller.userId()));
		page.put("nextCursor", null);
		return page;
	}

	// A token never mints tokens: a leaked one could outlive its revocation (ADR 0007).
	@SessionOnly
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	ResponseEntity<CreatedToken> create(Caller caller, @Valid @RequestBody NewToken request) {
		if (request.scopes().stream().distinct().count() != request.scopes().size()) {
			throw new InvalidInput("scopes", "must name each scope at most once");
		}
		PersonalTokens.Created created = this.tokens.create(caller.userId(), request.name(), request.scopes(),
				request.expiresAt());
		PersonalToken token = created.token();
		return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + token.id()))
			.body(new CreatedToken(token.id(), token.name(), token.scopes(), token.expiresAt(), token.createdAt(),
					created.secret()));
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(Caller caller, @PathVariable UUID id) {
		this.tokens.revoke(caller.userId(), id);
		return ResponseEntity.noContent().build();
	}

	/** The one response that carries the secret: shown this once, never again. */
	record CreatedToken(UUID id, String name, List<String> scopes, Instant expiresAt, Instant createdAt, String token) {

		@Override
		public String toString() {
			return "CreatedToken[id=" + this.id + ", token=(redacted)]";
		}

	}

	// A list, not a set: a set would fold 50,000 copies of "read" into one and pass the
	// size limit after reading them all.
	record NewToken(@NotBlank @Size(max = 100) String name,
			@NotEmpty @Size(max = 3) List<@NotNull @Pattern(regexp = "read|write|admin",
					message = "must be read, write or admin") String> scopes,
			Instant expiresAt) {
	}

}
