package dev.cairn.accounts;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strength estimate on its own: variations of common passwords are refused with the
 * reason and what to do, long unusual passphrases pass, and only the first 64 characters
 * are weighed.
 */
class PasswordStrengthTests {

	private static final PasswordStrength strength = new PasswordStrength();

	@Test
	void variationsOfCommonPasswordsAreRefusedSayingWhy() {
		for (String guessable : List.of("Password1234!", "trustno1trustno1", "monkey123456", "qwertyuiopasdf",
				"aaaaaaaaaaaaaaaa", "P@$$w0rdP@$$w0rd")) {
			assertThat(strength.weakness(guessable)).as(guessable)
				.hasValueSatisfying((why) -> assertThat(why).startsWith("is too easy to guess"));
		}
		assertThat(strength.weakness("Password1234!").orElseThrow()).contains("common password");
	}

	@Test
	void uncommonPassphrasesPassWithoutCompositionRules() {
		for (String strong : List.of("lantern orbit granite 47", "a brand new passphrase", "tr0ub4dor&3xyz",
				"purple elephants dance at noon")) {
			assertThat(strength.weakness(strong)).as(strong).isEmpty();
		}
	}

	@Test
	void onlyTheFirstSixtyFourCharactersAreWeighed() {
		String strongStart = "lantern orbit granite 47 copper meadow";
		assertThat(strength.weakness(strongStart + "a".repeat(90))).isEmpty();
		// Past the first 64 characters nothing helps a weak start.
		assertThat(strength.weakness("a".repeat(64) + "lantern orbit granite 47")).isPresent();
	}

}
