package dev.cairn.testing;

import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Asks a health endpoint as a load balancer or a monitor would.
 */
public final class Health {

	private Health() {
	}

	/** Asserts 200 with this status: {@code UP} or {@code DEGRADED} (never 503). */
	public static void expect(RestTestClient client, String path, String status) {
		client.get().uri(path).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo(status);
	}

}
