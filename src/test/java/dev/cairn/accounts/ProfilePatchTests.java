package dev.cairn.accounts;

import dev.cairn.web.FieldError;
import dev.cairn.web.InvalidInput;
import dev.cairn.web.Patch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of a profile change, checked when the command is built, whichever face builds
 * it.
 */
class ProfilePatchTests {

	@Test
	void theDisplayNameIsKeptStrippedAndTheRestAsGiven() {
		ProfilePatch patch = new ProfilePatch(Patch.of("  Grace  "), Patch.cleared(), Patch.of("Europe/Berlin"),
				Patch.absent(), Patch.of("https://example.com/me.png"));
		assertThat(patch.displayName()).isEqualTo(Patch.of("Grace"));
		assertThat(patch.bio()).isEqualTo(Patch.cleared());
		assertThat(patch.timezone()).isEqualTo(Patch.of("Europe/Berlin"));
		assertThat(patch.locale().isAbsent()).isTrue();
	}

	@Test
	void everyBrokenRuleIsListedUnderItsApiName() {
		assertThatThrownBy(() -> new ProfilePatch(Patch.of(" "), Patch.of("x".repeat(2001)), Patch.of("Mars/Olympus"),
				Patch.of("not a tag!"), Patch.of("javascript:alert(1)")))
			.isInstanceOfSatisfying(InvalidInput.class,
					(ex) -> assertThat(ex.errors()).extracting(FieldError::field)
						.containsExactly("displayName", "profile.bio", "profile.timezone", "profile.locale",
								"profile.avatarUrl"));
	}

	@Test
	void theDisplayNameCannotBeCleared() {
		assertThatThrownBy(
				() -> new ProfilePatch(Patch.cleared(), Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent()))
			.isInstanceOfSatisfying(InvalidInput.class,
					(ex) -> assertThat(ex.errors()).containsExactly(new FieldError("displayName", "must not be null")));
	}

}
