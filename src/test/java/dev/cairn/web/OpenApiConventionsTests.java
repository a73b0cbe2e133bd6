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
 * says what the API does: the success status each operation answers, the error statuses
 * it can answer (each a problem), which operations need no token, and the headers of the
 * conventions in docs/api.md.
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
			for (Map.Entry<String, JsonNode> response : operation.get("responses").properties()) {
				boolean error = response.getKey().startsWith("4") || response.getKey().startsWith("5")
						|| response.getKey().equals("default");
				if (error && !resolve(response.getValue()).at("/content/application~1problem+json/schema/$ref")
					.asString()
					.equals("#/components/schemas/Problem")) {
					without.add(name + " " + response.getKey());
				}
			}
			// The answers that say when to come back, and one for bugs.
			for (String status : List.of("429", "503")) {
				if (resolve(operation.at("/responses/" + status)).at("/headers/Retry-After").isMissingNode()) {
					without.add(name + " " + status + " without Retry-After");
				}
			}
			if (!operation.at("/responses").has("500")) {
				without.add(name + " 500");
			}
		});
		assertThat(without).isEmpty();
		assertThat(API.at("/components/schemas/Problem/properties").propertyNames()).contains("code", "requestId",
				"errors");
		assertThat(API.at("/paths").has("/error")).isFalse();
	}

	@Test
	void theOperationsOpenWithoutATokenAreTheOnesTheSecurityConfigurationOpens() {
		List<String> open = new ArrayList<>();
		operations((name, method, operation) -> {
			if (operation.has("security") && operation.get("security").isEmpty()) {
				open.add(name);
			}
		});
		assertThat(open).containsExactlyInAnyOrder("GET /.well-known/jwks.json", "POST /api/v1/auth/register",
				"POST /api/v1/auth/login", "POST /api/v1/auth/login/mfa", "POST /api/v1/auth/refresh",
				"POST /api/v1/auth/logout", "POST /api/v1/auth/email/verify", "POST /api/v1/auth/password/forgot",
				"POST /api/v1/auth/password/reset", "POST /api/v1/notifications/unsubscribe",
				"GET /api/v1/auth/oidc/{provider}");
		assertThat(API.at("/security/0").has("bearer")).isTrue();
	}

	@Test
	void errorStatusesFollowFromWhatAnOperationTakes() {
		List<String> wrong = new ArrayList<>();
		operations((name, method, operation) -> {
			JsonNode responses = operation.get("responses");
			boolean body = operation.has("requestBody");
			List<String> in = new ArrayList<>();
			for (JsonNode parameter : operation.path("parameters")) {
				String header = parameter.get("name").asString();
				boolean conditional = header.equals("If-Match") || header.equals("If-None-Match");
				in.add(parameter.get("in").asString() + (conditional ? ":conditional" : ""));
			}
			// Under /api a query parameter the operation does not read is refused.
			expect(wrong, name, responses, "400", name.contains(" /api/") || body
					|| in.stream().anyMatch((where) -> !where.endsWith(":conditional")));
			// The OpenID Connect chain reads no bearer token; every other chain does.
			boolean bearer = !name.startsWith("GET /api/v1/auth/oidc/");
			expect(wrong, name, responses, "401", bearer);
			expect(wrong, name, responses, "403", bearer);
			// Without a path to a resource, only a route's own code makes a 404 (the
			// caller's account gone, on /me).
			if (in.contains("path")) {
				expect(wrong, name, responses, "404", true);
			}
			else if (responses.has("404") && responses.get("404").has("$ref")) {
				wrong.add(name + " declares the shared 404 without a path variable");
			}
			expect(wrong, name, responses, "406", responses.propertyStream()
				.anyMatch((response) -> response.getKey().startsWith("2") && response.getValue().has("content")));
			expect(wrong, name, responses, "412",
					operation.path("parameters")
						.valueStream()
						.anyMatch((parameter) -> parameter.get("name").asString().equals("If-Match")));
			expect(wrong, name, responses, "413", body);
			expect(wrong, name, responses, "415", body);
			if (bearer && resolve(responses.get("401")).at("/headers/WWW-Authenticate").isMissingNode()) {
				wrong.add(name + " 401 without WWW-Authenticate");
			}
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void aRouteDeclaresTheCodesOfTheRulesItEnforces() {
		assertThat(description("/api/v1/projects", "post", "409")).contains("`project_key_taken`")
			.contains("`idempotency_key_in_use`");
		assertThat(description("/api/v1/projects", "post", "422")).contains("`idempotency_key_reused`");
		assertThat(description("/api/v1/tasks/{taskId}/move", "post", "409")).contains("`not_neighbours`");
		assertThat(description("/api/v1/projects/{projectId}/statuses/{statusId}", "delete", "422"))
			.contains("`last_status`");
		assertThat(description("/api/v1/auth/login", "post", "401")).contains("`invalid_credentials`");
		assertThat(description("/api/v1/auth/email/verify", "post", "400")).contains("`invalid_link_token`");
		assertThat(description("/api/v1/me", "get", "404")).contains("`user_not_found`");
		// Neither Idempotency-Key (not honoured under /api/v1/auth/) nor a rule
		// of its own.
		assertThat(API.at("/paths/~1api~1v1~1auth~1logout-all/post/responses").has("409")).isFalse();
		assertThat(API.at("/paths/~1api~1v1~1projects~1{projectId}/get/responses").has("409")).isFalse();
	}

	@Test
	void patternsAreAnchoredAndListsOfWordsAreEnums() {
		JsonNode schemas = API.at("/components/schemas");
		assertThat(schemas.at("/NewMember/properties/role/enum").valueStream().map(JsonNode::asString))
			.containsExactly("owner", "admin", "member", "viewer");
		assertThat(schemas.at("/NewLabel/properties/color/pattern").asString()).isEqualTo("^(?:#[0-9a-fA-F]{6})$");
		List<String> unanchored = API.findValues("pattern")
			.stream()
			.map(JsonNode::asString)
			.filter((pattern) -> !pattern.startsWith("^") || !pattern.endsWith("$"))
			.toList();
		assertThat(unanchored).isEmpty();
		// A PATCH body is a merge patch, not the getters of Jackson's JsonNode.
		assertThat(schemas.has("JsonNode")).isFalse();
	}

	@Test
	void everyTagIsDeclared() {
		List<String> tags = API.get("tags").valueStream().map((tag) -> tag.get("name").asString()).toList();
		operations((name, method, operation) -> assertThat(tags).contains(operation.at("/tags/0").asString()));
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

	private static void expect(List<String> wrong, String name, JsonNode responses, String status, boolean expected) {
		if (responses.has(status) != expected) {
			wrong.add(name + (expected ? " lacks " : " should not declare ") + status);
		}
	}

	private static String description(String path, String method, String status) {
		return resolve(API.get("paths").get(path).get(method).get("responses").get(status)).get("description")
			.asString();
	}

	// A response is either written out or a reference to a shared one in components.
	private static JsonNode resolve(JsonNode response) {
		return response.has("$ref") ? API.at(response.get("$ref").asString().substring(1)) : response;
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
