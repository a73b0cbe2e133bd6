package dev.cairn.auth;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalTokenFormatTests {

	@RepeatedTest(20)
	void generatedTokensAreWellFormed() {
		String token = PersonalTokenFormat.generate();
		assertThat(token).startsWith("cairn_pat_").hasSize(56).matches("cairn_pat_[0-9A-Za-z]{46}");
		assertThat(PersonalTokenFormat.isWellFormed(token)).isTrue();
	}

	@Test
	void aMistypedTokenFailsItsChecksum() {
		String token = PersonalTokenFormat.generate();
		char changed = (token.charAt(20) == 'a') ? 'b' : 'a';
		String typo = token.substring(0, 20) + changed + token.substring(21);
		assertThat(PersonalTokenFormat.isWellFormed(typo)).isFalse();
		assertThat(PersonalTokenFormat.isWellFormed(token.substring(0, 55))).isFalse();
		assertThat(PersonalTokenFormat.isWellFormed(token.replace("cairn_pat_", "cairn_rat_"))).isFalse();
		assertThat(PersonalTokenFormat.isWellFormed(null)).isFalse();
	}

	@Test
	void theHintShowsOnlyTheStart() {
		String token = PersonalTokenFormat.generate();
		assertThat(PersonalTokenFormat.hint(token)).hasSize(14).isEqualTo(token.substring(0, 14));
	}

}
