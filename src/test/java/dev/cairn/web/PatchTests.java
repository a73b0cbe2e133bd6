package dev.cairn.web;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class PatchTests {

	@Test
	void absentKeepsClearedRemovesSetReplaces() {
		assertThat(Patch.<String>absent().applyTo("kept")).isEqualTo("kept");
		assertThat(Patch.<String>cleared().applyTo("kept")).isNull();
		assertThat(Patch.of("new").applyTo("kept")).isEqualTo("new");
		assertThat(Patch.ofNullable(null)).isEqualTo(Patch.cleared());
		assertThat(Patch.of(2).map((n) -> n * 2)).isEqualTo(Patch.of(4));
		assertThat(Patch.<Integer>cleared().map((n) -> n * 2)).isEqualTo(Patch.cleared());
		assertThatNullPointerException().isThrownBy(() -> Patch.of(null));
	}

	@Test
	void aMergePatchMemberIsAbsentClearedOrSet() {
		assertThat(Patch.from(Optional.empty())).isEqualTo(Patch.absent());
		assertThat(Patch.from(Optional.of(new MergePatch.Change<String>(null)))).isEqualTo(Patch.cleared());
		assertThat(Patch.from(Optional.of(new MergePatch.Change<>("x")))).isEqualTo(Patch.of("x"));
		assertThat(Patch.absent().isAbsent()).isTrue();
		assertThat(Patch.cleared().isAbsent()).isFalse();
	}

	@Test
	void ifMatchNamesTheVersionsAChangeMayApplyTo() {
		IfMatch.any().require(7);
		IfMatch.header(null).require(7);
		IfMatch.header("*").require(7);
		IfMatch.header("\"3\", \"7\"").require(7);
		IfMatch.version(7).require(7);
		assertThatExceptionOfType(ETags.PreconditionFailed.class).isThrownBy(() -> IfMatch.header("\"6\"").require(7));
		assertThatExceptionOfType(ETags.PreconditionFailed.class)
			.isThrownBy(() -> IfMatch.header("W/\"7\"").require(7));
	}

}
