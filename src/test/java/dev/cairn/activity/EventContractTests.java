package dev.cairn.activity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import dev.cairn.testing.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event records are the public contract of webhooks and the activity feed: each
 * record's JSON is pinned by an example in {@code docs/events/examples} (made from
 * {@link EventSamples}), each event type's delivery has a JSON Schema in
 * {@code docs/events} made from its records, and what is stored reads back as the record
 * it was. After an intended change, regenerate both with {@code -Devents.update=true} and
 * review the diff: a member renamed or removed breaks every receiver.
 */
@IntegrationTest
class EventContractTests {

	private static final Path DOCS = Path.of("docs/events");

	private static final boolean UPDATE = Boolean.getBoolean("events.update");

	@Autowired
	private ActivityLog activity;

	@Autowired
	private JsonMapper json;

	@Test
	void everyEventRecordHasAnExample() {
		assertThat(EventSamples.all().keySet()).containsExactlyInAnyOrderElementsOf(EventTypes.all());
		assertThat(EventTypes.names()).hasSizeGreaterThanOrEqualTo(29);
	}

	@TestFactory
	Stream<DynamicTest> everyRecordSerializesAsItsExample() {
		return EventSamples.all()
			.values()
			.stream()
			.map((event) -> DynamicTest.dynamicTest(event.getClass().getSimpleName(),
					() -> matches(DOCS.resolve("examples/" + event.getClass().getSimpleName() + ".json"),
							example(event))));
	}

	@TestFactory
	Stream<DynamicTest> everyTypeHasTheSchemaItsRecordsMake() {
		return EventTypes.names()
			.stream()
			.map((type) -> DynamicTest.dynamicTest(type, () -> matches(DOCS.resolve(type + ".schema.json"),
					EventSchemas.of(type, EventTypes.recordsNamed(type)))));
	}

	// What the log stores reads back as the record it came from, the two records of
	// task.updated each as itself. (An absent task description reads as an empty one.)
	@TestFactory
	Stream<DynamicTest> whatIsStoredReadsBackAsItsRecord() {
		return EventSamples.all()
			.values()
			.stream()
			.map((event) -> DynamicTest.dynamicTest(event.getClass().getSimpleName(), () -> {
				ActivityRecorded recorded = new ActivityRecorded(UUID.randomUUID(), EventTypes.nameOf(event.getClass()),
						event.projectId(), event.taskId(), event.actorId());
				DomainEvent read = this.activity.read(recorded, this.activity.dataOf(event)).orElseThrow();
				assertThat(read).isInstanceOf(event.getClass());
				assertThat(withoutNullDescriptions(this.activity.dataOf(read)))
					.isEqualTo(withoutNullDescriptions(this.activity.dataOf(event)));
			}));
	}

	// A receiver that validates what it gets accepts what Cairn sends: each example, as
	// a delivery carries it, against its type's schema.
	@TestFactory
	Stream<DynamicTest> everyExampleDeliveryValidatesAgainstItsSchema() {
		SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
		return EventSamples.all()
			.values()
			.stream()
			.map((event) -> DynamicTest.dynamicTest(event.getClass().getSimpleName(), () -> {
				String type = EventTypes.nameOf(event.getClass());
				Schema schema = schemas.getSchema(Files.readString(DOCS.resolve(type + ".schema.json")));
				ObjectNode delivery = this.json.createObjectNode();
				delivery.put("id", UUID.randomUUID().toString());
				delivery.put("type", type);
				delivery.put("occurredAt", "2026-12-07T10:15:30Z");
				if (event.actorId() != null) {
					delivery.putObject("actor").put("id", event.actorId().toString()).put("displayName", "Ada");
				}
				else {
					delivery.putNull("actor");
				}
				delivery.put("projectId", event.projectId().toString());
				delivery.put("taskId", (event.taskId() != null) ? event.taskId().toString() : null);
				delivery.set("data", this.activity.dataOf(event));
				assertThat(schema.validate(delivery)).isEmpty();
				// And the schema is no blanket: a delivery without its data fails.
				delivery.remove("data");
				assertThat(schema.validate(delivery)).isNotEmpty();
			}));
	}

	// The names come from the records: written out anywhere else in the code (a switch
	// on "task.updated", SQL with 'comment.created'), a rename would leave them behind.
	@Test
	void noEventTypeNameIsWrittenOutOutsideItsRecord() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				List<String> lines = Files.readAllLines(file);
				for (int i = 0; i < lines.size(); i++) {
					String line = lines.get(i);
					for (String name : EventTypes.names()) {
						boolean quoted = line.contains("\"" + name + "\"") || line.contains("'" + name + "'");
						if (quoted && !line.strip().startsWith("@EventName(")) {
							found.add(file + ":" + (i + 1) + ": " + line.strip());
						}
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void noExampleOrSchemaIsLeftFromARecordThatIsGone() throws IOException {
		List<String> expected = new ArrayList<>();
		EventSamples.all().keySet().forEach((type) -> expected.add("examples/" + type.getSimpleName() + ".json"));
		EventTypes.names().forEach((type) -> expected.add(type + ".schema.json"));
		try (Stream<Path> files = Files.walk(DOCS)) {
			assertThat(files.filter(Files::isRegularFile)
				.filter((file) -> file.toString().endsWith(".json"))
				.map((file) -> DOCS.relativize(file).toString())).containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	private ObjectNode example(DomainEvent event) {
		ObjectNode example = this.json.createObjectNode();
		example.put("type", EventTypes.nameOf(event.getClass()));
		example.put("projectId", event.projectId().toString());
		example.put("taskId", (event.taskId() != null) ? event.taskId().toString() : null);
		example.put("actorId", (event.actorId() != null) ? event.actorId().toString() : null);
		example.set("data", this.activity.dataOf(event));
		return example;
	}

	private void matches(Path file, JsonNode actual) throws IOException {
		String pretty = this.json.rebuild()
			.enable(SerializationFeature.INDENT_OUTPUT)
			.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
			.build()
			.writeValueAsString(this.json.treeToValue(actual, Map.class)) + "\n";
		if (UPDATE) {
			Files.createDirectories(file.getParent());
			Files.writeString(file, pretty);
		}
		assertThat(file).as("%s is out of date; regenerate with -Devents.update=true", file).exists();
		assertThat(Files.readString(file)).as("%s is out of date; regenerate with -Devents.update=true", file)
			.isEqualTo(pretty);
	}

	private static JsonNode withoutNullDescriptions(ObjectNode data) {
		ObjectNode copy = data.deepCopy();
		for (String side : List.of("before", "after")) {
			if (copy.path(side) instanceof ObjectNode state && state.has("description")
					&& state.get("description").isNull()) {
				state.remove("description");
			}
		}
		return copy;
	}

}
