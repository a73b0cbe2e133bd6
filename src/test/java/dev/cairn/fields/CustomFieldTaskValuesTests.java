package dev.cairn.fields;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import dev.cairn.fields.CustomFieldFilter.Condition;
import dev.cairn.fields.FieldCommands.CreateField;
import dev.cairn.fields.FieldCommands.FieldPatch;
import dev.cairn.fields.FieldCommands.OptionDraft;
import dev.cairn.platform.Ids;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import dev.cairn.web.JsonValues;
import dev.cairn.web.Patch;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fields module's side of task values: the events it publishes, what the tasks module
 * does on them, and the filter SQL against real rows.
 */
@RecordApplicationEvents
class CustomFieldTaskValuesTests extends ApiTestSupport {

	@Autowired
	CustomFields fields;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher publisher;

	@Test
	void removingOptionsOrAFieldPublishesWhatWentAndNothingElse(ApplicationEvents events) {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		CustomField size = this.fields.create(owner.userId(), project,
				new CreateField("Size", FieldType.SELECT, List.of(draft("S"), draft("M"), draft("L")), null));
		FieldOption small = size.options().get(0);
		FieldOption medium = size.options().get(1);

		this.fields.update(owner.userId(), project, size.id(),
				new FieldPatch(Patch.of("T-shirt size"), Patch.absent(),
						Patch.of(List.of(new OptionDraft(medium.id(), "Medium", Patch.absent()), draft("XL"))),
						Patch.absent()));
		this.fields.update(owner.userId(), project, size.id(),
				new FieldPatch(Patch.of("Size"), Patch.absent(), Patch.absent(), Patch.absent()));
		this.fields.delete(owner.userId(), project, size.id());

		assertThat(events.stream(CustomFieldOptionsRemoved.class)).containsExactly(
				new CustomFieldOptionsRemoved(project, size.id(), Set.of(small.id(), size.options().get(2).id())));
		assertThat(events.stream(CustomFieldDeleted.class)).containsExactly(new CustomFieldDeleted(project, size.id()));
	}

	// The events as the tasks module receives them, in a transaction as the service
	// publishes them: its listener is what takes the values off.
	@Test
	void theTasksCleanupDropsValuesOfDeletedFieldsAndRemovedOptionsOnly() {
		UUID project = project();
		UUID select = Ids.newId();
		UUID multi = Ids.newId();
		String a = Ids.newId().toString();
		String b = Ids.newId().toString();
		String c = Ids.newId().toString();
		UUID keepsSelect = task(project, 1, Map.of(select.toString(), c, multi.toString(), List.of(a, c)));
		UUID losesSelect = task(project, 2, Map.of(select.toString(), a, multi.toString(), List.of(a, b)));
		UUID untouched = task(project, 3, Map.of("other", 1));

		Set<UUID> removed = Set.of(UUID.fromString(a), UUID.fromString(b));
		publish(new CustomFieldOptionsRemoved(project, select, removed));
		publish(new CustomFieldOptionsRemoved(project, multi, removed));

		assertThat(values(keepsSelect)).isEqualTo(Map.of(select.toString(), c, multi.toString(), List.of(c)));
		assertThat(values(losesSelect)).isEmpty();
		assertThat(values(untouched)).isEqualTo(Map.of("other", 1));
		assertThat(version(keepsSelect)).isEqualTo(2);
		assertThat(version(losesSelect)).isEqualTo(3);
		assertThat(version(untouched)).isEqualTo(1);

		publish(new CustomFieldDeleted(project, select));

		assertThat(values(keepsSelect)).isEqualTo(Map.of(multi.toString(), List.of(c)));
		assertThat(version(losesSelect)).isEqualTo(3);
	}

	@Test
	void filtersFindTasksByValue() {
		UUID project = project();
		FieldOption red = new FieldOption(Ids.newId(), "Red", null);
		FieldOption blue = new FieldOption(Ids.newId(), "Blue", null);
		CustomField points = field(FieldType.NUMBER);
		CustomField due = field(FieldType.DATE);
		CustomField done = field(FieldType.CHECKBOX);
		CustomField tags = new CustomField(Ids.newId(), "Tags", FieldType.MULTISELECT, List.of(red, blue), 0);
		List<CustomField> definitions = List.of(points, due, done, tags);
		task(project, 1,
				CustomFieldValues
					.validate(definitions,
							json(Map.of(key(points), 1.0, key(due), "2026-01-10", key(done), true, key(tags),
									List.of(red.id().toString(), blue.id().toString()))),
							false, Map.of(), (user) -> true));
		task(project, 2, Map.of(key(points), 2.5, key(due), "2026-03-01", key(tags), List.of(blue.id().toString())));
		task(project, 3, Map.of(key(done), false));

		assertThat(numbers(project, CustomFieldFilter.condition(points, "eq", "1", "p"))).containsExactly(1);
		assertThat(numbers(project, CustomFieldFilter.condition(points, "gte", "1.5", "p"))).containsExactly(2);
		assertThat(numbers(project, CustomFieldFilter.condition(due, "lte", "2026-02-01", "p"))).containsExactly(1);
		assertThat(numbers(project, CustomFieldFilter.condition(due, "eq", "2026-03-01", "p"))).containsExactly(2);
		assertThat(numbers(project, CustomFieldFilter.condition(done, "eq", "true", "p"))).containsExactly(1);
		assertThat(numbers(project, CustomFieldFilter.condition(done, "eq", "false", "p"))).containsExactly(2, 3);
		assertThat(numbers(project, CustomFieldFilter.condition(tags, "eq", blue.id().toString(), "p")))
			.containsExactly(1, 2);
		assertThat(numbers(project, CustomFieldFilter.condition(tags, "eq", red.id().toString(), "p")))
			.containsExactly(1);
	}

	@Test
	void theIndexServesEqualityFilters() {
		UUID project = project();
		CustomField field = field(FieldType.TEXT);
		// Enough rows that reading them all costs more than asking the index.
		this.jdbc.sql("""
				INSERT INTO tasks (id, project_id, number, title, status_id, position, custom_fields)
				SELECT gen_random_uuid(), :project, n, 'A task', s.id, n, jsonb_build_object(:field, 'v' || n)
				FROM generate_series(1, 2000) AS n,
				     (SELECT id FROM statuses WHERE project_id = :project ORDER BY position LIMIT 1) AS s
				""").param("project", project).param("field", key(field)).update();
		this.jdbc.sql("ANALYZE tasks").update();
		Condition condition = CustomFieldFilter.condition(field, "eq", "v42", "p");

		String plan = this.transactions.execute((status) -> {
			this.jdbc.sql("SET LOCAL enable_seqscan = off").update();
			return String.join("\n", this.jdbc.sql(
					"EXPLAIN SELECT t.id FROM tasks t WHERE (t.project_id = :projectId) AND (t.deleted_at IS NULL) AND "
							+ condition.sql())
				.param("projectId", project)
				.params(condition.params())
				.query(String.class)
				.list());
		});

		assertThat(plan).contains("Bitmap Index Scan on tasks_custom_fields_idx");
		assertThat(numbers(project, condition)).containsExactly(42);
	}

	private List<Integer> numbers(UUID project, Condition condition) {
		return this.jdbc
			.sql("SELECT t.number FROM tasks t WHERE (t.project_id = :projectId) AND (t.deleted_at IS NULL) AND "
					+ condition.sql() + " ORDER BY t.number")
			.param("projectId", project)
			.params(condition.params())
			.query(Integer.class)
			.list();
	}

	private void publish(Object event) {
		this.transactions.executeWithoutResult((status) -> this.publisher.publishEvent(event));
	}

	private UUID project() {
		return this.api.project(this.users.signedIn());
	}

	private UUID task(UUID project, int number, Map<String, ?> values) {
		UUID status = this.jdbc.sql("SELECT id FROM statuses WHERE project_id = :p ORDER BY position LIMIT 1")
			.param("p", project)
			.query(UUID.class)
			.single();
		UUID id = Ids.newId();
		this.jdbc.sql("""
				INSERT INTO tasks (id, project_id, number, title, status_id, position, custom_fields)
				VALUES (:id, :project, :number, 'A task', :status, :number, CAST(:values AS jsonb))
				""")
			.param("id", id)
			.param("project", project)
			.param("number", number)
			.param("status", status)
			.param("values", JsonMapper.shared().writeValueAsString(values))
			.update();
		return id;
	}

	private Map<?, ?> values(UUID task) {
		String json = this.jdbc.sql("SELECT CAST(custom_fields AS text) FROM tasks WHERE id = :id")
			.param("id", task)
			.query(String.class)
			.single();
		return JsonMapper.shared().readValue(json, Map.class);
	}

	private long version(UUID task) {
		return this.jdbc.sql("SELECT version FROM tasks WHERE id = :id").param("id", task).query(Long.class).single();
	}

	// The values as a client's JSON gives them: through the same reading as a request.
	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(Map<String, ?> value) {
		return (Map<String, Object>) JsonValues.plain(JsonMapper.shared().valueToTree(value));
	}

	private static OptionDraft draft(String name) {
		return new OptionDraft(null, name, Patch.absent());
	}

	private static CustomField field(FieldType type) {
		return new CustomField(Ids.newId(), type.value(), type, List.of(), 0);
	}

	private static String key(CustomField field) {
		return field.id().toString();
	}

}
