package dev.cairn.testing;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Base of every API test: the application on a random port ({@link IntegrationTest}), a
 * client, the database to assert on, {@link Api} for the calls and {@link TestUsers} for
 * the people. A test about signing up or in uses {@link Accounts} instead.
 */
@IntegrationTest
public abstract class ApiTestSupport {

	@Autowired
	protected RestTestClient client;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	private ApplicationContext applicationContext;

	protected Api api;

	protected TestUsers users;

	@BeforeEach
	void api() {
		this.api = new Api(this.client, this.jdbc);
		this.users = new TestUsers(this.applicationContext);
	}

}
