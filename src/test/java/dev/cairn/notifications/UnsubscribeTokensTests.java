package dev.cairn.notifications;

import java.util.UUID;

import dev.cairn.platform.SecretBox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnsubscribeTokensTests {

	private final UnsubscribeTokens tokens = new UnsubscribeTokens(new SecretBox(new byte[32]));

	@Test
	void aTokenNamesItsUserAndWhatItTurnsOff() {
		UUID user = UUID.randomUUID();
		assertThat(this.tokens.read(this.tokens.issue(user, "mentioned")))
			.contains(new UnsubscribeTokens.Unsubscribe(user, "mentioned"));
		assertThat(this.tokens.read(this.tokens.issue(user, "dailyDigest")))
			.contains(new UnsubscribeTokens.Unsubscribe(user, "dailyDigest"));
	}

	@Test
	void anAlteredForeignOrMalformedTokenIsRefused() {
		UUID user = UUID.randomUUID();
		String token = this.tokens.issue(user, "assigned");
		String[] parts = token.split("\\.");
		String otherKind = this.tokens.issue(user, "commented").split("\\.")[0];
		byte[] key = new byte[32];
		key[0] = 1;
		String otherKey = new UnsubscribeTokens(new SecretBox(key)).issue(user, "assigned");
		for (String bad : new String[] { otherKind + "." + parts[1], otherKey, parts[0], token + "x", "", ".", "a.b.c",
				"%%%.%%%", token.repeat(3) }) {
			assertThat(this.tokens.read(bad)).as(bad).isEmpty();
		}
		assertThat(this.tokens.read(null)).isEmpty();
		assertThat(this.tokens.read(this.tokens.issue(user, "everything"))).isEmpty();
	}

}
