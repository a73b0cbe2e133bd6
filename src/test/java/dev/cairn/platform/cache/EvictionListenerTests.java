package dev.cairn.platform.cache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.cairn.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The eviction channel against a real PostgreSQL: what commits is heard, what rolls back
 * is not, and a lost connection makes the caches untrusted until the listener is back and
 * has emptied them.
 */
class EvictionListenerTests {

	private static final String NAME = "cairn eviction listener test";

	private final TestDatabase.Database database = TestDatabase.create();

	private final DataSource dataSource = this.database.dataSource();

	private final JdbcClient jdbc = JdbcClient.create(this.dataSource);

	private volatile boolean databaseAway;

	private final List<String> evicted = new CopyOnWriteArrayList<>();

	private final AtomicInteger clears = new AtomicInteger();

	private final EvictionListener listener = new EvictionListener(this::connect, LocalCaches.CHANNEL,
			Duration.ofMillis(100), (region, key) -> this.evicted.add(region.cacheName() + " " + key),
			this.clears::incrementAndGet);

	@AfterEach
	void stop() {
		this.listener.stop();
	}

	@Test
	void hearsCommittedEvictionsOnly() {
		this.listener.start();
		await().until(this.listener::listening);
		assertThat(this.clears).hasValue(1);

		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		transactions.executeWithoutResult((status) -> {
			notify("project-roles undone");
			status.setRollbackOnly();
		});
		notify("project-roles p:u");
		notify("no-such-region x");
		notify("live-projects p");

		await().until(() -> this.evicted.contains("live-projects p"));
		assertThat(this.evicted).containsExactly("project-roles p:u", "live-projects p");
	}

	@Test
	void aLostConnectionMakesTheCachesUntrustedUntilTheyAreEmptiedOnReconnecting() {
		this.listener.start();
		await().until(this.listener::listening);

		this.databaseAway = true;
		this.jdbc.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = :name")
			.param("name", NAME)
			.query()
			.listOfRows();
		await().until(() -> !this.listener.listening());
		this.databaseAway = false;
		await().until(this.listener::listening);
		assertThat(this.clears).hasValue(2);

		notify("project-roles after");
		await().until(() -> this.evicted.contains("project-roles after"));
		this.listener.stop();
		assertThat(this.listener.listening()).isFalse();
	}

	private void notify(String payload) {
		this.jdbc.sql("SELECT pg_notify(:channel, :payload)")
			.param("channel", LocalCaches.CHANNEL)
			.param("payload", payload)
			.query()
			.singleRow();
	}

	private Connection connect() throws SQLException {
		if (this.databaseAway) {
			throw new SQLException("The test keeps the database away");
		}
		Properties properties = new Properties();
		properties.setProperty("user", this.database.username());
		properties.setProperty("password", this.database.password());
		properties.setProperty("ApplicationName", NAME);
		return DriverManager.getConnection(this.database.url(), properties);
	}

}
