package dev.cairn.notifications;

import java.util.Map;

import dev.cairn.web.FieldError;
import dev.cairn.web.InvalidInput;
import dev.cairn.web.Patch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A change to notification settings: only the switches it names move.
 */
class PreferencesPatchTests {

	@Test
	void aPatchMovesOnlyTheSwitchesItNames() {
		PreferencesPatch patch = new PreferencesPatch(Map.of(Kind.COMMENTED, false), Map.of(Kind.DUE_SOON, false),
				Patch.absent());
		Preferences changed = Preferences.DEFAULTS.with(patch);
		assertThat(changed.email()).isEqualTo(new Preferences.Channel(true, false, true, true));
		assertThat(changed.inApp()).isEqualTo(new Preferences.Channel(true, true, true, false));
		assertThat(changed.dailyDigest()).isFalse();
		assertThat(changed.with(new PreferencesPatch(Map.of(), Map.of(), Patch.of(true))).dailyDigest()).isTrue();
	}

	@Test
	void theDigestIsOnOrOffButNeverCleared() {
		assertThatThrownBy(() -> new PreferencesPatch(Map.of(), Map.of(), Patch.cleared())).isInstanceOfSatisfying(
				InvalidInput.class,
				(ex) -> assertThat(ex.errors()).containsExactly(new FieldError("dailyDigest", "must not be null")));
	}

}
