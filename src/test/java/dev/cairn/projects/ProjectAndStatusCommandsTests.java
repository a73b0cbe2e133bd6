package dev.cairn.projects;

import org.junit.jupiter.api.Test;

import dev.cairn.projects.ProjectCommands.CreateProject;
import dev.cairn.projects.ProjectCommands.ProjectPatch;
import dev.cairn.projects.StatusCommands.CreateStatus;
import dev.cairn.projects.StatusCommands.StatusPatch;
import dev.cairn.web.FieldError;
import dev.cairn.web.InvalidInput;
import dev.cairn.web.Patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The shape of the projects' commands, checked when built, whatever face builds them.
 */
class ProjectAndStatusCommandsTests {

	@Test
	void aNewProjectNamesEveryMistakeAndStripsItsName() {
		assertThat(new CreateProject("APOLLO", "  Apollo  ", null).name()).isEqualTo("Apollo");
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> new CreateProject("apollo", " ", "x".repeat(ProjectCommands.MAX_DESCRIPTION + 1)))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field)
				.containsExactly("key", "name", "description"));
	}

	@Test
	void aProjectKeepsItsNameButMayLoseItsDescription() {
		ProjectPatch patch = new ProjectPatch(Patch.of(" Renamed "), Patch.cleared());
		assertThat(patch.name()).isEqualTo(Patch.of("Renamed"));
		assertThat(patch.description().applyTo("Old")).isNull();
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> new ProjectPatch(Patch.cleared(), Patch.absent()))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(new FieldError("name", "must not be null")));
	}

	@Test
	void aStatusMovesToAPlaceFromZeroAndKeepsItsNameAndCategory() {
		assertThat(new StatusPatch(Patch.absent(), Patch.of(StatusCategory.STARTED), Patch.of(0)).position())
			.isEqualTo(Patch.of(0));
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> new StatusPatch(Patch.of(""), Patch.cleared(), Patch.of(-1)))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(new FieldError("name", "must not be blank"),
					new FieldError("category", "must not be null"),
					new FieldError("position", StatusCommands.POSITION_RULE)));
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> new StatusPatch(Patch.absent(), Patch.absent(), Patch.cleared()));
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> new CreateStatus("Review", null, StatusCommands.MAX_POSITION + 1))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field)
				.containsExactly("category", "position"));
	}

}
