package dev.cairn.auth;

import dev.cairn.platform.Secrets;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.cairn.platform.Ids;
import dev.cairn.web.ApiException;
import dev.cairn.web.Caller;
import dev.cairn.web.ErrorCode;
import dev.cairn.web.InvalidInput;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens: long-lived, scoped credentials for scripts and integrations,
 * shown once and stored as a SHA-256 hash.
 */
@Service
class PersonalTokens {

	static final int MAX_ACTIVE_PER_USER = 50;

	private final PersonalTokenRepository tokens;

	private final Clock clock;

	PersonalTokens(PersonalTokenRepository tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	@Transactional
	Created create(UUID userId, String name, Collection<String> scopes, Instant expiresAt) {
		if (expiresAt != null && !expiresAt.isAfter(this.clock.instant())) {
			throw new InvalidInput("expiresAt", "must be in the future");
		}
		if (this.tokens.countActive(userId) >= MAX_ACTIVE_PER_USER) {
			throw new InvalidInput("name", "you have " + MAX_ACTIVE_PER_USER + " tokens already; revoke one first");
		}
		List<String> sortedScopes = scopes.stream()
			.map((scope) -> scope.toLowerCase(Locale.ROOT))
			.distinct()
			.sorted()
			.toList();
		String secret = PersonalTokenFormat.generate();
		UUID id = Ids.newId();
		this.tokens.insert(id, userId, name.strip(), Secrets.hash(secret), PersonalTokenFormat.hint(secret),
				sortedScopes, expiresAt);
		PersonalToken token = new PersonalToken(id, name.strip(), PersonalTokenFormat.hint(secret), sortedScopes,
				expiresAt, null, this.clock.instant());
		return new Created(token, secret);
	}

	List<PersonalToken> list(UUID userId) {
		return this.tokens.findActive(userId);
	}

	@Transactional
	void revoke(UUID userId, UUID id) {
		if (!this.tokens.revoke(userId, id)) {
			throw new TokenNotFound();
		}
	}

	/** The caller a token stands for, if the token is genuine and usable now. */
	@Transactional
	Optional<Caller> authenticate(String secret) {
		if (!PersonalTokenFormat.isWellFormed(secret)) {
			return Optional.empty();
		}
		return this.tokens.findUsable(Secrets.hash(secret)).map((grant) -> {
			// Skip the write on the hot path while last use is recent enough to show.
			if (grant.lastUsedAt() == null || grant.lastUsedAt().isBefore(this.clock.instant().minusSeconds(60))) {
				this.tokens.touch(grant.tokenId());
			}
			Set<Caller.Scope> scopes = grant.scopes()
				.stream()
				.map((scope) -> Caller.Scope.valueOf(scope.toUpperCase(Locale.ROOT)))
				.collect(Collectors.toSet());
			return new Caller(grant.userId(), scopes, grant.tokenId());
		});
	}

	record Created(PersonalToken token, String secret) {

		@Override
		public String toString() {
			return "Created[token=" + this.token + ", secret=(redacted)]";
		}

	}

	static class TokenNotFound extends ApiException {

		TokenNotFound() {
			super(ErrorCode.NOT_FOUND, "No such token.");
		}

	}

}
