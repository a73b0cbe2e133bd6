package dev.cairn.auth;

import dev.cairn.platform.Secrets;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.cairn.accounts.Accounts;
import dev.cairn.accounts.PasswordChanged;
import dev.cairn.platform.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in sessions. Each sign-in starts a family of refresh tokens; every refresh spends
 * the presented token and adds its successor to the family. A spent token presented again
 * means two parties hold it, one of them a thief: the whole family is revoked, so both
 * must sign in again (OAuth 2.0 Security BCP, refresh token rotation).
 */
@Service
class Sessions {

	private static final Logger log = LoggerFactory.getLogger(Sessions.class);

	private static final String PREFIX = "cairn_rt_";

	private final RefreshTokenRepository tokens;

	private final AccessTokens accessTokens;

	private final Accounts accounts;

	private final AuthSettings settings;

	private final Clock clock;

	private final TwoFactor twoFactor;

	private final PersonalTokenRepository personalTokens;

	Sessions(RefreshTokenRepository tokens, AccessTokens accessTokens, Accounts accounts, AuthSettings settings,
			Clock clock, TwoFactor twoFactor, PersonalTokenRepository personalTokens) {
		this.tokens = tokens;
		this.accessTokens = accessTokens;
		this.accounts = accounts;
		this.settings = settings;
		this.clock = clock;
		this.twoFactor = twoFactor;
		this.personalTokens = personalTokens;
	}

	/**
	 * Completes a two-factor sign-in and starts the session in one transaction, so a
	 * failure to start it does not use up the code or recovery code. A wrong code is
	 * still counted.
	 */
	@Transactional(noRollbackFor = TwoFactor.Problem.class)
	TokenPair startWithSecondFactor(String challenge, String code, String recoveryCode, Client client) {
		return start(this.twoFactor.complete(challenge, code, recoveryCode), client);
	}

	@Transactional
	TokenPair start(UUID userId, Client client) {
		Instant deadline = this.clock.instant().plus(this.settings.refreshTokenTtl());
		return issue(userId, Ids.newId(), deadline, client);
	}

	// The revocation of a family on reuse must commit even though the request fails.
	@Transactional(noRollbackFor = InvalidRefreshToken.class)
	TokenPair refresh(String refreshToken, Client client) {
		var stored = this.tokens.findForUpdate(Secrets.hash(refreshToken)).orElseThrow(InvalidRefreshToken::new);
		Instant now = this.clock.instant();
		// A family with any revoked member is dead, even if a racing rotation added a
		// token the revocation did not see.
		if (stored.revokedAt() != null || this.tokens.isFamilyRevoked(stored.familyId())) {
			throw new InvalidRefreshToken();
		}
		if (stored.spentAt() != null) {
			int revoked = this.tokens.revokeFamily(stored.familyId());
			log.warn("Refresh token reuse for user {}: revoked {} token(s) of family {}", stored.userId(), revoked,
					stored.familyId());
			throw new InvalidRefreshToken();
		}
		boolean idle = stored.createdAt().plus(this.settings.refreshTokenIdleTtl()).isBefore(now);
		if (!stored.expiresAt().isAfter(now) || idle || !this.accounts.isActive(stored.userId())) {
			this.tokens.revokeFamily(stored.familyId());
			throw new InvalidRefreshToken();
		}
		this.tokens.markSpent(stored.id());
		return issue(stored.userId(), stored.familyId(), stored.expiresAt(), client);
	}

	/**
	 * Ends the sign-in the token belongs to. Unknown tokens are ignored: logout is
	 * idempotent.
	 */
	@Transactional
	void logout(String refreshToken) {
		this.tokens.findForUpdate(Secrets.hash(refreshToken))
			.ifPresent((stored) -> this.tokens.revokeFamily(stored.familyId()));
	}

	@Transactional
	void logoutAll(UUID userId) {
		this.tokens.revokeAll(userId);
	}

	// Runs in the transaction that changed the password: both happen, or neither.
	@EventListener
	void passwordChanged(PasswordChanged event) {
		this.tokens.revokeAll(event.userId());
		if (event.reset()) {
			// A reset may follow a compromise: tokens made by whoever had the
			// account go too.
			this.personalTokens.revokeAll(event.userId());
		}
	}

	private TokenPair issue(UUID userId, UUID familyId, Instant deadline, Client client) {
		String refreshToken = Secrets.generate(PREFIX);
		this.tokens.insert(Ids.newId(), userId, familyId, Secrets.hash(refreshToken), deadline, client);
		return new TokenPair(this.accessTokens.issue(userId), refreshToken, this.accessTokens.lifetimeSeconds());
	}

}
