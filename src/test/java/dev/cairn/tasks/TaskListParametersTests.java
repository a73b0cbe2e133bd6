package dev.cairn.tasks;

import java.util.List;
import java.util.UUID;

import dev.cairn.tasks.AssigneeFilter.Me;
import dev.cairn.tasks.AssigneeFilter.Unassigned;
import dev.cairn.tasks.AssigneeFilter.User;
import org.junit.jupiter.api.Test;

import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.support.DefaultConversionService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TaskListParametersTests {

	private static final UUID ID = UUID.fromString("0190a5c4-1b2c-7def-8123-456789abcdef");

	private final DefaultConversionService conversions = conversions();

	@Test
	void anAssigneeIsMeNoneOrAUserId() {
		assertThat(convert("me", AssigneeFilter.class)).isEqualTo(new Me());
		assertThat(convert("none", AssigneeFilter.class)).isEqualTo(new Unassigned());
		assertThat(convert(ID.toString(), AssigneeFilter.class)).isEqualTo(new User(ID));
		for (String garbage : List.of("somebody", "ME", " me", "", "me,none")) {
			assertRefused(garbage, AssigneeFilter.class, "must be a user id, me or none");
		}
	}

	@Test
	void aParentIsNoneOrATaskId() {
		assertThat(convert("none", ParentFilter.class)).isEqualTo(new ParentFilter.TopLevel());
		assertThat(convert(ID.toString(), ParentFilter.class)).isEqualTo(new ParentFilter.SubtasksOf(ID));
		for (String garbage : List.of("me", "root", "None", "")) {
			assertRefused(garbage, ParentFilter.class, "must be a task id or none");
		}
	}

	@Test
	void aPriorityIsOneOfItsNames() {
		assertThat(convert("urgent", Priority.class)).isEqualTo(Priority.URGENT);
		assertThat(convert("none", Priority.class)).isEqualTo(Priority.NONE);
		for (String garbage : List.of("URGENT", "asap", "4", "")) {
			assertRefused(garbage, Priority.class, Priority.RULE);
		}
	}

	// Spring's array converter would take the first value and drop the rest.
	@Test
	void aFilterGivenTwiceIsRefusedNotCutToItsFirstValue() {
		assertRefused(new String[] { "low", "urgent" }, Priority.class, Priority.RULE);
		assertRefused(new String[] { "me", "none" }, AssigneeFilter.class, "must be a user id, me or none");
		assertThat(this.conversions.convert(new String[] { "me" }, AssigneeFilter.class)).isEqualTo(new Me());
	}

	@Test
	void meIsTheCallerOnceTheFilterIsBuilt() {
		UUID caller = UUID.randomUUID();
		TaskFilter mine = TaskFilter.of(query(new Me(), "  import "), caller);
		assertThat(mine.assignee()).isEqualTo(new User(caller));
		assertThat(mine.text()).isEqualTo("import");
		// Cursors bind to the identity: "me" and the caller's id are the same list.
		assertThat(mine.identity()).isEqualTo(TaskFilter.of(query(new User(caller), "import"), caller).identity())
			.isNotEqualTo(TaskFilter.of(query(new Unassigned(), "import"), caller).identity());
		assertThat(TaskFilter.of(query(null, " "), caller).text()).isNull();
		assertThat(TaskFilter.of(query(null, null), caller)).isEqualTo(TaskFilter.NONE);
	}

	private static TaskListQuery query(AssigneeFilter assignee, String q) {
		return new TaskListQuery(null, null, assignee, null, q, null, null, null, null, null, null, null, null);
	}

	private <T> T convert(String text, Class<T> type) {
		return this.conversions.convert(text, type);
	}

	private void assertRefused(Object value, Class<?> type, String rule) {
		assertThatExceptionOfType(ConversionFailedException.class)
			.isThrownBy(() -> this.conversions.convert(value, type))
			.havingCause()
			.isInstanceOf(IllegalArgumentException.class)
			.withMessage(rule);
	}

	private static DefaultConversionService conversions() {
		TaskListParameters parameters = new TaskListParameters();
		DefaultConversionService conversions = new DefaultConversionService();
		conversions.addConverter(parameters.priorityParameter());
		conversions.addConverter(parameters.assigneeParameter());
		conversions.addConverter(parameters.parentParameter());
		return conversions;
	}

}
