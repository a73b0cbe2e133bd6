package dev.cairn.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the API, as its own OpenAPI description lists them, against the
 * input that once reached SQL or a double: a NUL character (or an unpaired surrogate) in
 * each query parameter and in each string of a body, a member given twice, and numbers no
 * double holds. Each is a 400 problem naming the field, never a 500, and it is refused
 * before the route does anything (the ids in the paths are random: a route that got as
 * far as looking them up would answer 404). A route added later is covered without a line
 * here.
 */
class EveryRouteInputTests extends ApiTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String NUL = "a\u0000b";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@TestFactory
	Stream<DynamicTest> everyInputOfEveryRouteRefusesWhatCannotBeStored() {
		SignedIn user = this.users.signedIn();
		JsonNode api = JSON.readTree(this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		List<DynamicTest> tests = new ArrayList<>();
		for (var path : api.path("paths").properties()) {
			if (!path.getKey().startsWith("/api/v1/") || path.getKey().contains("{provider}")) {
				continue;
			}
			for (var operation : path.getValue().properties()) {
				tests.addAll(cases(api, user, path.getKey(), HttpMethod.valueOf(operation.getKey().toUpperCase()),
						operation.getValue()));
			}
		}
		assertThat(tests).hasSizeGreaterThan(150);
		return tests.stream();
	}

	private List<DynamicTest> cases(JsonNode api, SignedIn user, String template, HttpMethod method,
			JsonNode operation) {
		String path = template.replaceAll("\\{key\\}", "ABC-1").replaceAll("\\{[^}]+\\}", UUID.randomUUID().toString());
		String name = method + " " + template;
		List<DynamicTest> tests = new ArrayList<>();
		// Required parameters get a harmless value, so that only the one under
		// test is wrong.
		StringBuilder required = new StringBuilder();
		for (JsonNode parameter : operation.path("parameters")) {
			if (parameter.path("in").asString().equals("query") && parameter.path("required").asBoolean()) {
				required.append(parameter.path("name").asString()).append("=x&");
			}
		}
		for (JsonNode parameter : operation.path("parameters")) {
			if (!parameter.path("in").asString().equals("query")) {
				continue;
			}
			String query = parameter.path("name").asString();
			// (UTF-8 cannot carry an unpaired surrogate, so a URL cannot either.)
			tests.add(DynamicTest.dynamicTest(name + " ?" + query + " with a NUL",
					() -> expectRefused(user, method,
							path + "?" + query + "=" + URLEncoder.encode(NUL, StandardCharsets.UTF_8), null,
							"validation_failed", query)));
			String type = parameter.path("schema").path("type").asString();
			if (type.equals("integer") || type.equals("number")) {
				for (String huge : List.of("1e309", "99999999999999999999999", "-1e309")) {
					tests.add(DynamicTest.dynamicTest(name + " ?" + query + "=" + huge, () -> expectRefused(user,
							method, path + "?" + required + query + "=" + huge, null, "validation_failed", query)));
				}
			}
		}
		JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
		if (!body.isMissingNode()) {
			Map<String, String> properties = properties(api, body);
			// A merge patch is any object: the guard reads it before anything knows its
			// members, so any member name tells.
			String first = properties.isEmpty() ? "title" : properties.keySet().iterator().next();
			for (var property : properties.isEmpty() ? Map.of("title", "string").entrySet() : properties.entrySet()) {
				if (property.getValue().equals("string")) {
					for (String escape : List.of("\\u0000", "\\ud800", "\\uDC00x")) {
						tests.add(DynamicTest.dynamicTest(name + " body ." + property.getKey() + " with " + escape,
								() -> expectRefused(user, method, path,
										"{\"" + property.getKey() + "\":\"a" + escape + "b\"}", "validation_failed",
										property.getKey())));
					}
				}
				if (property.getValue().equals("integer") || property.getValue().equals("number")) {
					for (String huge : List.of("1e309", "-1e309", "1" + "0".repeat(400))) {
						tests.add(DynamicTest.dynamicTest(name + " body ." + property.getKey() + "=" + huge.length(),
								() -> expectRefused(user, method, path, "{\"" + property.getKey() + "\":" + huge + "}",
										null, property.getKey())));
					}
				}
			}
			tests.add(DynamicTest.dynamicTest(name + " body with ." + first + " twice", () -> expectRefused(user,
					method, path, "{\"" + first + "\":null,\"" + first + "\":null}", "malformed_request", first)));
			tests.add(DynamicTest.dynamicTest(name + " body with a NUL in a member name",
					() -> expectRefused(user, method, path, "{\"a\\u0000b\":\"x\"}", "validation_failed", "(name)")));
		}
		return tests;
	}

	/**
	 * The body's top-level members and their JSON types, through its schema reference.
	 */
	private static Map<String, String> properties(JsonNode api, JsonNode schema) {
		JsonNode resolved = schema;
		if (schema.has("$ref")) {
			String name = schema.path("$ref").asString().substring("#/components/schemas/".length());
			resolved = api.path("components").path("schemas").path(name);
		}
		Map<String, String> properties = new java.util.LinkedHashMap<>();
		for (var property : resolved.path("properties").properties()) {
			JsonNode type = property.getValue().path("type");
			properties.put(property.getKey(), type.isArray() ? type.path(0).asString() : type.asString());
		}
		return properties;
	}

	private void expectRefused(SignedIn user, HttpMethod method, String path, String body, String code, String field)
			throws Exception {
		// The JDK's client sends the path as written: Spring's test client would encode
		// the % of %00 again.
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header(HttpHeaders.AUTHORIZATION, user.bearer())
			.method(method.name(),
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		String text = response.body();

		assertThat(response.statusCode()).as(text).isEqualTo(400);
		assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE))
			.hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = JSON.readTree(text);
		if (code != null) {
			assertThat(problem.path("code").asString()).as(text).isEqualTo(code);
		}
		if (field != null) {
			List<String> fields = new ArrayList<>();
			problem.path("errors").forEach((error) -> fields.add(error.path("field").asString()));
			assertThat(fields).as(text).contains(field);
		}
	}

}
