package dev.cairn.web;

import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CommandChecksTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aPatchReportsItsWrongTypesAndTheCommandsRulesTogether() {
		MergePatch patch = MergePatch.of(json("{\"name\":\" \",\"position\":\"2\",\"size\":1}"),
				Set.of("name", "position"));
		Patch<String> name = Patch.from(patch.text("name", 50, false));
		Patch<Integer> position = Patch.from(patch.integer("position", "must be a whole number from 0"));

		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> patch.build(() -> new Rename(name, position)))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field)
				.containsExactlyInAnyOrder("size", "position", "name"));
	}

	@Test
	void aValidPatchBuildsItsCommand() {
		MergePatch patch = MergePatch.of(json("{\"name\":\" Review \",\"position\":null}"), Set.of("name", "position"));
		Patch<String> name = Patch.from(patch.text("name", 50, false));
		Patch<Integer> position = Patch.from(patch.integer("position", "must be a whole number from 0"));

		assertThat(patch.build(() -> new Rename(name, position)))
			.isEqualTo(new Rename(Patch.of("Review"), Patch.cleared()));
	}

	@Test
	void checksCollectEveryMistakeBeforeRefusing() {
		Checks checks = new Checks();
		assertThat(checks.name("name", "  Ops  ", 7)).isEqualTo("Ops");
		checks.name("title", "x".repeat(6), 5);
		checks.text("notes", "\uD83D\uDE00".repeat(5), 5);
		assertThat(checks.notCleared("color", Patch.cleared())).isEqualTo(Patch.absent());

		assertThatExceptionOfType(InvalidInput.class).isThrownBy(checks::rejectIfAny)
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(
					new FieldError("title", "must be at most 5 characters"),
					new FieldError("color", "must not be null")));
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	record Rename(Patch<String> name, Patch<Integer> position) {

		Rename {
			Checks checks = new Checks();
			name = checks.notCleared("name", name).map((value) -> checks.name("name", value, 50));
			checks.rejectIfAny();
		}

	}

}
