package dev.cairn.platform.database;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import dev.cairn.CairnApplication;
import dev.cairn.testing.Accounts;
import dev.cairn.testing.Api;
import dev.cairn.testing.SideLane;
import dev.cairn.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cairn on its own embedded database, which the test then stops under it.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(SideLane.NAME)
class DatabaseOutageTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void healthAndReadinessTurnDownWhenTheDatabaseStopsButLivenessStaysUp() throws Exception {
		Path dataDir = TestDatabase.temporaryDataDir("cairn-outage");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CairnApplication.class)
			// A second, not five, before a request gives up waiting for a connection.
			.run("--server.port=0", "--cairn.database.data-dir=" + dataDir,
					"--spring.datasource.hikari.connection-timeout=1000")) {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
			assertThat(status(base + "/actuator/health")).isEqualTo(200);
			RestTestClient client = RestTestClient.bindToServer().baseUrl(base).build();
			String token = new Api(client, context.getBean(JdbcClient.class)).personalToken(Accounts.signUp(client),
					"read");

			context.getBean(DatabaseServer.class).close();

			assertThat(status(base + "/actuator/health")).isEqualTo(503);
			assertThat(status(base + "/actuator/health/readiness")).isEqualTo(503);
			assertThat(status(base + "/actuator/health/liveness")).isEqualTo(200);

			// A request that needs the database is told to come back, not that Cairn
			// broke: in a controller...
			expectComeBack(this.http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"ana@example.com\", \"password\": \"p\"}"))
				.build(), HttpResponse.BodyHandlers.ofString()));
			// ...and in a filter: a personal access token is looked up before any
			// controller runs (this one was never used, so no cache knows it).
			expectComeBack(this.http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/projects"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString()));
		}
	}

	private static void expectComeBack(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(response.body()).contains("\"code\":\"dependency_unavailable\"");
	}

	private int status(String url) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
