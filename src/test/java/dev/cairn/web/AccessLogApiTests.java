package dev.cairn.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import dev.cairn.testing.LogsAsInProduction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The logs as an operator reads them: one JSON object a line, one access line per request
 * with its route template, status, duration, request id and user id, and no email address
 * anywhere.
 */
@ExtendWith(OutputCaptureExtension.class)
// As Cairn logs when it runs, not as the other tests do (text at WARN).
@LogsAsInProduction
@Isolated
class AccessLogApiTests extends ApiTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aRequestIsLoggedOnceAsJsonWithItsRouteStatusDurationRequestIdAndUser(CapturedOutput output) {
		SignedIn user = this.users.signedIn();
		UUID project = this.api.project(user);
		String task = (String) this.api.task(user, project, Map.of("title", "Logged")).get("id");
		String requestId = "access-" + UUID.randomUUID().toString().substring(0, 8);

		this.client.get()
			.uri("/api/v1/tasks/" + task)
			.header("Authorization", user.bearer())
			.header(RequestIdFilter.HEADER, requestId)
			.exchange()
			.expectStatus()
			.isOk();

		List<JsonNode> lines = accessLinesWith(output, requestId);
		assertThat(lines).hasSize(1);
		JsonNode access = lines.get(0);
		assertThat(access.at("/http/route").asString()).isEqualTo("/api/v1/tasks/{taskId}");
		assertThat(access.at("/http/request/method").asString()).isEqualTo("GET");
		assertThat(access.at("/http/response/status_code").asInt()).isEqualTo(200);
		assertThat(access.at("/event/duration").asLong()).isPositive();
		assertThat(access.at("/userId").asString()).isEqualTo(user.userId().toString());
		assertThat(access.at("/@timestamp").asString()).isNotBlank();
		assertThat(access.at("/message").asString()).startsWith("GET /api/v1/tasks/{taskId} 200 ");
		// The path itself (with the task's id) is not logged, nor the user's email at the
		// levels Cairn runs with (DEBUG on Spring MVC, which another test turns on,
		// prints request bodies: a diagnosis mode, with secrets redacted even there).
		assertThat(access.toString()).doesNotContain(task);
		assertThat(output.getOut().lines().filter(AccessLogApiTests::isInfoOrAbove))
			.noneMatch((line) -> line.contains(user.email()));
	}

	@Test
	void aRefusedRequestIsLoggedWithoutARouteOrUser(CapturedOutput output) {
		String requestId = "refused-" + UUID.randomUUID().toString().substring(0, 8);

		this.client.get()
			.uri("/api/v1/me")
			.header(RequestIdFilter.HEADER, requestId)
			.exchange()
			.expectStatus()
			.isUnauthorized();

		JsonNode access = accessLinesWith(output, requestId).get(0);
		assertThat(access.at("/http/response/status_code").asInt()).isEqualTo(401);
		assertThat(access.at("/http/route").isMissingNode()).isTrue();
		assertThat(access.at("/userId").isMissingNode()).isTrue();
	}

	@Test
	void aCallersTraceIsContinuedAndItsIdsAreLogged(CapturedOutput output) {
		String requestId = "traced-" + UUID.randomUUID().toString().substring(0, 8);
		String traceId = UUID.randomUUID().toString().replace("-", "");

		this.client.get()
			.uri("/api/v1/me")
			.header(RequestIdFilter.HEADER, requestId)
			.header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.client.get().uri("/api/v1/me").header(RequestIdFilter.HEADER, requestId + "x").exchange();

		// Cairn's span for the request is a child of the caller's: same trace, own span.
		JsonNode traced = accessLinesWith(output, requestId).get(0);
		assertThat(traced.at("/traceId").asString()).isEqualTo(traceId);
		assertThat(traced.at("/spanId").asString()).matches("[0-9a-f]{16}").isNotEqualTo("b7ad6b7169203331");
		// Without a traceparent, a trace of its own.
		JsonNode untraced = accessLinesWith(output, requestId + "x").get(0);
		assertThat(untraced.at("/traceId").asString()).matches("[0-9a-f]{32}").isNotEqualTo(traceId);
	}

	private static boolean isInfoOrAbove(String line) {
		if (!line.startsWith("{")) {
			return true;
		}
		String level = JSON.readTree(line).at("/log/level").asString();
		return !level.equals("DEBUG") && !level.equals("TRACE");
	}

	/**
	 * The access lines (JSON) logged with this request id, once there is one: it is
	 * written after the response has gone, so it may come a moment after the client has
	 * it.
	 */
	private static List<JsonNode> accessLinesWith(CapturedOutput output, String requestId) {
		return await().atMost(Duration.ofSeconds(5))
			.until(() -> accessLinesNow(output, requestId), (lines) -> !lines.isEmpty());
	}

	private static List<JsonNode> accessLinesNow(CapturedOutput output, String requestId) {
		return output.getOut()
			.lines()
			.filter((line) -> line.contains(requestId))
			.map(JSON::readTree)
			.filter((line) -> requestId.equals(line.path("requestId").asString()))
			.filter((line) -> "cairn.access".equals(line.at("/log/logger").asString()))
			.toList();
	}

}
