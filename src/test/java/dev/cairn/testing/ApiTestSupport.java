package dev.cairn.testing;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Base of the API tests of a feature: the application on a random port, a client, the
 * database to assert on, and {@link Api} for the calls.
 */
@IntegrationTest
@AutoConfigureRestTestClient
public abstract class ApiTestSupport {

	@Autowired
	protected RestTestClient client;

	@Autowired
	protected JdbcClient jdbc;

	protected Api api;

	@BeforeEach
	void api() {
		this.api = new Api(this.client, this.jdbc);
	}

}
