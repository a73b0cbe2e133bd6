package dev.cairn.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import dev.cairn.platform.Secrets;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies an access token once, not on every request: checking an ECDSA signature costs
 * a few hundred microseconds, and a client sends the same token for minutes. A token that
 * passed every check is remembered by the SHA-256 of its text (never the token itself)
 * until it expires, and for at most {@link #LONGEST}, so that a change to the
 * verification keys (made on any node) reaches every token within a minute. A token that
 * fails is never remembered: it is checked again, in full, every time.
 */
final class VerifiedTokens implements JwtDecoder {

	/** The longest a verification is trusted without being repeated. */
	static final Duration LONGEST = Duration.ofMinutes(1);

	private final JwtDecoder verifier;

	private final Clock clock;

	private final Cache<String, Jwt> verified;

	VerifiedTokens(JwtDecoder verifier, Clock clock, long maximumSize) {
		this.verifier = verifier;
		this.clock = clock;
		this.verified = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfter(Expiry.creating((String hash, Jwt jwt) -> trustedFor(jwt)))
			.recordStats()
			.build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		if (!EcdsaSignatures.isCanonical(token)) {
			// The twin of a token Cairn signed, never one it issued: refused before the
			// cache, which would otherwise hold a second entry for the same token.
			throw new BadJwtException("The token's signature is not in its canonical (low-s) form");
		}
		String hash = hash(token);
		Jwt known = this.verified.getIfPresent(hash);
		if (known != null && known.getExpiresAt() != null && known.getExpiresAt().isAfter(this.clock.instant())) {
			return known;
		}
		Jwt jwt = this.verifier.decode(token);
		this.verified.put(hash, jwt);
		return jwt;
	}

	Cache<String, Jwt> cache() {
		return this.verified;
	}

	private Duration trustedFor(Jwt jwt) {
		Instant expires = jwt.getExpiresAt();
		if (expires == null) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(this.clock.instant(), expires);
		return left.isNegative() ? Duration.ZERO : (left.compareTo(LONGEST) < 0 ? left : LONGEST);
	}

	private static String hash(String token) {
		return HexFormat.of().formatHex(Secrets.hash(token));
	}

}
