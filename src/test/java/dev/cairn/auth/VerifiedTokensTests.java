package dev.cairn.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokensTests {

	private final Instant now = Instant.parse("2026-11-30T10:00:00Z");

	private final AtomicInteger verifications = new AtomicInteger();

	// Stands in for the signature and claim checks: counts them, and refuses "forged".
	private final JwtDecoder verifier = (token) -> {
		this.verifications.incrementAndGet();
		if (token.equals("forged")) {
			throw new BadJwtException("bad signature");
		}
		return Jwt.withTokenValue(token)
			.header("alg", "ES256")
			.subject("someone")
			.issuedAt(this.now)
			.expiresAt(this.now.plusSeconds(Long.parseLong(token.substring(token.indexOf(':') + 1))))
			.build();
	};

	@Test
	void aTokenIsVerifiedOnceWhileItIsValid() {
		VerifiedTokens tokens = new VerifiedTokens(this.verifier, Clock.fixed(this.now, ZoneOffset.UTC), 100);
		for (int i = 0; i < 5; i++) {
			assertThat(tokens.decode("token-a:900").getSubject()).isEqualTo("someone");
		}
		tokens.decode("token-b:900");
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aTokenThatFailsIsCheckedInFullEveryTime() {
		VerifiedTokens tokens = new VerifiedTokens(this.verifier, Clock.fixed(this.now, ZoneOffset.UTC), 100);
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("forged"));
		}
		assertThat(this.verifications).hasValue(3);
	}

	@Test
	void anExpiredTokenIsNeverServedFromMemory() {
		MutableClock clock = new MutableClock(this.now);
		VerifiedTokens tokens = new VerifiedTokens(this.verifier, clock, 100);
		tokens.decode("short:30");
		clock.advance(Duration.ofSeconds(31));
		tokens.decode("short:30");
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aVerificationIsTrustedForAMinuteAtMost() {
		VerifiedTokens tokens = new VerifiedTokens(this.verifier, Clock.fixed(this.now, ZoneOffset.UTC), 100);
		tokens.decode("long:900");
		var entry = tokens.cache().policy().expireVariably().orElseThrow();
		assertThat(entry.getExpiresAfter(tokens.cache().asMap().keySet().iterator().next()))
			.hasValueSatisfying((left) -> assertThat(left).isLessThanOrEqualTo(VerifiedTokens.LONGEST));
	}

	private static final class MutableClock extends Clock {

		private Instant instant;

		MutableClock(Instant instant) {
			this.instant = instant;
		}

		void advance(Duration duration) {
			this.instant = this.instant.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.instant;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
