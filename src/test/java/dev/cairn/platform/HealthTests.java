package dev.cairn.platform;

import dev.cairn.testing.Health;
import dev.cairn.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
@AutoConfigureRestTestClient
class HealthTests {

	@Autowired
	private RestTestClient client;

	@Test
	void healthLivenessAndReadinessAreUpWhenTheDatabaseAnswers() {
		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			Health.expect(this.client, path, "UP");
		}
	}

}
