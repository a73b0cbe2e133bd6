package dev.cairn.tasks;

import java.util.UUID;

import dev.cairn.tasks.WorkflowStates.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowStatesTests {

	@Test
	void readsTheCachedFormInBoardOrder() {
		UUID todo = UUID.randomUUID();
		UUID done = UUID.randomUUID();

		assertThat(WorkflowStates.parse(todo + ":unstarted," + done + ":completed"))
			.containsExactly(new State(todo, "unstarted"), new State(done, "completed"));
		assertThat(WorkflowStates.parse("")).isEmpty();
	}

}
