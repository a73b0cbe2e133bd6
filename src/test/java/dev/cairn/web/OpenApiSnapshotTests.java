package dev.cairn.web;

import dev.cairn.testing.ApiTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API as served must match the committed {@code docs/openapi.json}, so every change
 * to the API is a reviewed change to that file. After an intended change, regenerate it
 * with {@code ./mvnw verify -Dtest=OpenApiSnapshotTests -Dopenapi.update=true}.
 */
class OpenApiSnapshotTests extends ApiTestSupport {

	private static final Path SNAPSHOT = Path.of("docs/openapi.json");

	@Test
	void theServedApiMatchesTheCommittedSnapshot() throws Exception {
		String served = this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		JsonNode tree = json.readTree(served);
		// The test server's random port is not part of the API.
		((tools.jackson.databind.node.ObjectNode) tree).remove("servers");
		String pretty = json.writeValueAsString(tree) + "\n";
		if (Boolean.getBoolean("openapi.update")) {
			Files.writeString(SNAPSHOT, pretty, StandardCharsets.UTF_8);
		}
		assertThat(pretty).as("docs/openapi.json is out of date; regenerate it with -Dopenapi.update=true")
			.isEqualTo(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
	}

}
