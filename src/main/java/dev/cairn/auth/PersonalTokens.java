package dev.cairn.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.cairn.platform.Ids;
import dev.cairn.platform.Secrets;
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

	/** Tokens whose last use this node recorded within the minute. */
	private final Cache<UUID, Boolean> touched = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(1))
		.maximumSize(100_000)
		.build();

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

	/**
	 * The caller a token stands for, if the token is genuine and usable now. No
	 * transaction: a cached read, and at most one write a minute per token and node.
	 */
	Optional<Caller> authenticate(String secret) {
		if (!PersonalTokenFormat.isWellFormed(secret)) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.tokens.findUsable(Secrets.hash(secret)).filter((grant) -> grant.usableAt(now)).map((grant) -> {
			// Last use is shown to the minute: skip the write while a recent one stands.
			if (this.touched.asMap().putIfAbsent(grant.tokenId(), Boolean.TRUE) == null) {
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
