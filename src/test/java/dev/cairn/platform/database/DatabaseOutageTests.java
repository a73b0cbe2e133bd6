package dev.cairn.platform.database;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import dev.cairn.CairnApplication;
import dev.cairn.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cairn on its own embedded database, which the test then stops under it.
 */
class DatabaseOutageTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void healthAndReadinessTurnDownWhenTheDatabaseStopsButLivenessStaysUp() throws Exception {
		Path dataDir = TestDatabase.temporaryDataDir("cairn-outage");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CairnApplication.class)
			.run("--server.port=0", "--cairn.database.data-dir=" + dataDir)) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			assertThat(status(port, "/actuator/health")).isEqualTo(200);

			context.getBean(DatabaseServer.class).close();

			assertThat(status(port, "/actuator/health")).isEqualTo(503);
			assertThat(status(port, "/actuator/health/readiness")).isEqualTo(503);
			assertThat(status(port, "/actuator/health/liveness")).isEqualTo(200);

			// A request that needs the database is told to come back, not that Cairn
			// broke.
			HttpResponse<String> login = this.http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"ana@example.com\", \"password\": \"p\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(login.statusCode()).isEqualTo(503);
			assertThat(login.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(login.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(login.body()).contains("\"code\":\"dependency_unavailable\"");
		}
	}

	private int status(int port, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
