package dev.cairn.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed description (which {@link OpenApiSnapshotTests} holds to the served one)
 * says what the API does: the success status each operation answers, the problem body of
 * errors and the headers of the conventions in docs/api.md.
 */
class OpenApiConventionsTests {

	private static final JsonNode API = JsonMapper.builder().build().readTree(Path.of("docs/openapi.json").toFile());

	@Test
	void anAnswerWithoutABodyIs204AndCreatesAnswer201WithALocation() {
		List<String> wrong = new ArrayList<>();
		operations((name, method, operation) -> {
			JsonNode responses = operation.get("responses");
			// What springdoc says of a handler whose status it cannot see: 200, no body.
			if (responses.has("200") && !responses.get("200").has("content")) {
				wrong.add(name + " documents 200 without a body (a 204 without @ResponseStatus?)");
			}
			if (responses.has("201") && !responses.get("201").get("headers").has("Location")) {
				wrong.add(name + " documents 201 without Location");
			}
		});
		assertThat(wrong).isEmpty();
		assertThat(API.at("/paths/~1api~1v1~1tasks~1{taskId}/delete/responses").has("204")).isTrue();
		assertThat(API.at("/paths/~1api~1v1~1projects~1{projectId}~1tasks/post/responses").has("201")).isTrue();
		assertThat(API.at("/paths/~1api~1v1~1auth~1password~1forgot/post/responses").has("202")).isTrue();
	}

	@Test
	void everyOperationDescribesItsErrorsAsProblems() {
		List<String> without = new ArrayList<>();
		operations((name, method, operation) -> {
			if (!operation.at("/responses/default/content/application~1problem+json/schema/$ref")
				.asString()
				.equals("#/components/schemas/Problem")) {
				without.add(name);
			}
			// The two answers that say when to come back.
			for (String status : List.of("429", "503")) {
				if (operation.at("/responses/" + status + "/headers/Retry-After").isMissingNode()) {
					without.add(name + " " + status);
				}
			}
		});
		assertThat(without).isEmpty();
		assertThat(API.at("/components/schemas/Problem/properties").propertyNames()).contains("code", "requestId",
				"errors");
		assertThat(API.at("/paths").has("/error")).isFalse();
	}

	@Test
	void versionedResourcesCarryAnETagAndConditionalReadsA304() {
		JsonNode get = API.at("/paths/~1api~1v1~1tasks~1{taskId}/get/responses");
		assertThat(get.at("/200/headers").has("ETag")).isTrue();
		assertThat(get.has("304")).isTrue();
		assertThat(API.at("/paths/~1api~1v1~1tasks~1{taskId}/patch/responses/200/headers").has("ETag")).isTrue();
		// A page has no version of its own: a Link to the next one instead.
		JsonNode list = API.at("/paths/~1api~1v1~1projects~1{projectId}~1tasks/get/responses/200/headers");
		assertThat(list.has("ETag")).isFalse();
		assertThat(list.has("Link")).isTrue();
		assertThat(list.has("X-Request-Id")).isTrue();
		assertThat(list.has("RateLimit-Remaining")).isTrue();
	}

	@Test
	void operationsAreNamedAfterTheirController() {
		JsonNode get = API.at("/paths/~1api~1v1~1tasks~1{taskId}/get");
		assertThat(get.get("operationId").asString()).isEqualTo("taskGet");
		assertThat(get.get("tags").get(0).asString()).isEqualTo("task");
	}

	private static void operations(OperationVisitor visitor) {
		for (Map.Entry<String, JsonNode> path : API.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				visitor.visit(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getKey(),
						operation.getValue());
			}
		}
	}

	@FunctionalInterface
	private interface OperationVisitor {

		void visit(String name, String method, JsonNode operation);

	}

}
