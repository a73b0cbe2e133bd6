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
		}
	}

	private int status(int port, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
