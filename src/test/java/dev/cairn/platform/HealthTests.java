package dev.cairn.platform;

import dev.cairn.testing.ApiTestSupport;
import dev.cairn.testing.Health;
import org.junit.jupiter.api.Test;

class HealthTests extends ApiTestSupport {

	@Test
	void healthLivenessAndReadinessAreUpWhenTheDatabaseAnswers() {
		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			Health.expect(this.client, path, "UP");
		}
	}

}
