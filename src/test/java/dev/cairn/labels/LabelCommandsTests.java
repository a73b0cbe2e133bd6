package dev.cairn.labels;

import org.junit.jupiter.api.Test;

import dev.cairn.labels.LabelCommands.CreateLabel;
import dev.cairn.labels.LabelCommands.LabelPatch;
import dev.cairn.web.Colors;
import dev.cairn.web.FieldError;
import dev.cairn.web.InvalidInput;
import dev.cairn.web.Patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LabelCommandsTests {

	@Test
	void coloursAreHexInLowerCaseAndNamesStripped() {
		CreateLabel label = new CreateLabel(" Bug ", "#DC2626", null);
		assertThat(label.name()).isEqualTo("Bug");
		assertThat(label.color()).isEqualTo("#dc2626");
		assertThat(new CreateLabel("Bug", null, null).color()).isNull();
		assertThat(new LabelPatch(Patch.absent(), Patch.of("#ABCDEF"), Patch.cleared()).color())
			.isEqualTo(Patch.of("#abcdef"));
	}

	@Test
	void aPatchNamesEveryMistake() {
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> new LabelPatch(Patch.of(" "), Patch.cleared(),
					Patch.of("x".repeat(LabelCommands.MAX_DESCRIPTION + 1))))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(new FieldError("name", "must not be blank"),
					new FieldError("color", "must not be null"),
					new FieldError("description", "must be at most 500 characters")));
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> new CreateLabel("Bug", "red", null))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(new FieldError("color", Colors.RULE)));
	}

}
