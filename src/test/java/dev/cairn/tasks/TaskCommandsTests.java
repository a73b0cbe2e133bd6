package dev.cairn.tasks;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cairn.tasks.TaskCommands.NewTask;
import dev.cairn.tasks.TaskCommands.TaskPatch;
import dev.cairn.web.FieldError;
import dev.cairn.web.InvalidInput;
import dev.cairn.web.Patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rules a task command checks on its own, for every face: the REST tests show them
 * through HTTP, these without it (as GraphQL or an import will build the commands).
 */
class TaskCommandsTests {

	@Test
	void aNewTaskIsStrippedAndDefaulted() {
		NewTask task = new NewTask("  Ship it  ", null, null, null, null, null, null, null, null, null);

		assertThat(task.title()).isEqualTo("Ship it");
		assertThat(task.priority()).isEqualTo(Priority.NONE);
		assertThat(task.customFields()).isEmpty();
	}

	@Test
	void aNewTaskNamesEveryMistake() {
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> new NewTask(" ", "x".repeat(TaskCommands.MAX_DESCRIPTION + 1), null, Priority.HIGH, null,
					null, null, null, new BigDecimal("1.005"), Map.of()))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(new FieldError("title", "must not be blank"),
					new FieldError("description", "must be at most 100000 characters"),
					new FieldError("estimate", "must be at least 0 and below 1000000, with at most two decimals")));
	}

	@Test
	void aPatchCannotClearWhatATaskAlwaysHas() {
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> new TaskPatch(Patch.cleared(), Patch.absent(), Patch.cleared(), Patch.cleared(),
					Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent(), Patch.of(BigDecimal.valueOf(-1)),
					Patch.absent()))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field)
				.containsExactly("title", "statusId", "priority", "estimate"));
	}

	@Test
	void aPatchKeepsClearedValuesAndSaysWhetherItPlacesTheTask() {
		Map<String, Object> values = new HashMap<>();
		values.put("a-field", null);
		TaskPatch patch = new TaskPatch(Patch.of(" Renamed "), Patch.cleared(), Patch.absent(), Patch.of(Priority.LOW),
				Patch.cleared(), Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent(), Patch.of(values));

		assertThat(patch.title()).isEqualTo(Patch.of("Renamed"));
		assertThat(patch.customFields().applyTo(null)).containsEntry("a-field", null);
		assertThat(patch.places()).isFalse();
		assertThat(new TaskPatch(Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent(),
				Patch.cleared(), Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent())
			.places()).isTrue();
	}

}
