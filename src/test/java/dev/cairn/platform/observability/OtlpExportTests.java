package dev.cairn.platform.observability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import dev.cairn.testing.Node;
import dev.cairn.testing.SideLane;
import dev.cairn.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spans leave over OTLP when OpenTelemetry's own variable names a collector: here a
 * stand-in collector on this machine that keeps what it is sent.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(SideLane.NAME)
class OtlpExportTests {

	@Test
	void otelExporterOtlpEndpointSendsSpansToTheCollectorsTracesPath() throws IOException {
		List<String> received = new CopyOnWriteArrayList<>();
		HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		collector.createContext("/", (exchange) -> received.add(describe(exchange)));
		collector.start();
		try (Node node = Node.start(TestDatabase.migrated(), null,
				"OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:" + collector.getAddress().getPort(),
				"OTEL_EXPORTER_OTLP_HEADERS=x-collector-key=k-123", "management.tracing.sampling.probability=1.0")) {
			node.client().get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();

			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(received)
					.anyMatch((request) -> request.equals("POST /v1/traces application/x-protobuf k-123")));
		}
		finally {
			collector.stop(0);
		}
	}

	@Test
	void aSignalsOwnEndpointIsTakenAsItIsAndABaseEndpointGetsTheTracesPath() {
		assertThat(OtlpEnvironment.tracesEndpoint(null, "http://collector:4318"))
			.isEqualTo("http://collector:4318/v1/traces");
		assertThat(OtlpEnvironment.tracesEndpoint(null, "http://collector:4318/"))
			.isEqualTo("http://collector:4318/v1/traces");
		assertThat(OtlpEnvironment.tracesEndpoint("http://collector:4318/custom", "http://other:4318"))
			.isEqualTo("http://collector:4318/custom");
		assertThat(OtlpEnvironment.tracesEndpoint(null, " ")).isNull();
		assertThat(OtlpEnvironment.tracesEndpoint(null, null)).isNull();
	}

	private static String describe(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		String line = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
				+ exchange.getRequestHeaders().getFirst("Content-Type") + " "
				+ exchange.getRequestHeaders().getFirst("x-collector-key");
		exchange.sendResponseHeaders(200, -1);
		exchange.close();
		return line;
	}

}
