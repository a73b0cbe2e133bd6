package dev.cairn.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.cairn.platform.SecretBox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnsubscribeTokensTests {

	private static final Instant NOW = Instant.parse("2031-05-01T10:00:00Z");

	private final UnsubscribeTokens tokens = tokens(new byte[32], NOW);

	@Test
	void aTokenNamesItsUserWhatItTurnsOffAndUntilWhen() {
		UUID user = UUID.randomUUID();
		Instant expires = NOW.plus(Duration.ofDays(180));
		assertThat(this.tokens.read(this.tokens.issue(user, "mentioned")))
			.contains(new UnsubscribeTokens.Unsubscribe(user, "mentioned", expires));
		assertThat(this.tokens.read(this.tokens.issue(user, "dailyDigest")))
			.contains(new UnsubscribeTokens.Unsubscribe(user, "dailyDigest", expires));
	}

	@Test
	void aTokenExpiresAfterItsTimeToLive() {
		UnsubscribeTokens.Unsubscribe read = this.tokens.read(this.tokens.issue(UUID.randomUUID(), "assigned"))
			.orElseThrow();
		assertThat(read.expiredAt(NOW.plus(Duration.ofDays(180)).minusSeconds(1))).isFalse();
		assertThat(read.expiredAt(NOW.plus(Duration.ofDays(180)))).isTrue();
	}

	@Test
	void aTokenOfTheFirstVersionIsGenuineButExpired() {
		UUID user = UUID.randomUUID();
		String old = NotificationFixtures.firstVersionUnsubscribeToken(new SecretBox(new byte[32]), user, "commented");

		UnsubscribeTokens.Unsubscribe read = this.tokens.read(old).orElseThrow();

		assertThat(read).isEqualTo(new UnsubscribeTokens.Unsubscribe(user, "commented", null));
		assertThat(read.expiredAt(Instant.EPOCH)).isTrue();
		// Under another key it is nobody's.
		byte[] key = new byte[32];
		key[0] = 1;
		assertThat(tokens(key, NOW).read(old)).isEmpty();
	}

	@Test
	void anAlteredForeignOrMalformedTokenIsRefused() {
		UUID user = UUID.randomUUID();
		String token = this.tokens.issue(user, "assigned");
		String[] parts = token.split("\\.");
		String otherKind = this.tokens.issue(user, "commented").split("\\.")[0];
		String later = tokens(new byte[32], NOW.plus(Duration.ofDays(1))).issue(user, "assigned").split("\\.")[0];
		byte[] key = new byte[32];
		key[0] = 1;
		String otherKey = tokens(key, NOW).issue(user, "assigned");
		// A first-version payload under the second version's signature, and the reverse.
		String v1Payload = NotificationFixtures.firstVersionUnsubscribeToken(new SecretBox(new byte[32]), user,
				"assigned");
		for (String bad : new String[] { otherKind + "." + parts[1], later + "." + parts[1], otherKey,
				v1Payload.split("\\.")[0] + "." + parts[1], parts[0] + "." + v1Payload.split("\\.")[1], parts[0],
				token + "x", "", ".", "a.b.c", "%%%.%%%", token.repeat(3) }) {
			assertThat(this.tokens.read(bad)).as(bad).isEmpty();
		}
		assertThat(this.tokens.read(null)).isEmpty();
		assertThat(this.tokens.read(this.tokens.issue(user, "everything"))).isEmpty();
	}

	private static UnsubscribeTokens tokens(byte[] key, Instant now) {
		return new UnsubscribeTokens(new SecretBox(key), new NotificationSettings(Duration.ofMinutes(15),
				LocalTime.of(9, 0), LocalTime.of(7, 0), Duration.ofDays(180)), Clock.fixed(now, ZoneOffset.UTC));
	}

}
