package dev.cairn.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.cairn.CairnApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * One Cairn node: a whole application context on a port of its own, against a database
 * that other nodes may share, running background jobs as production does. For tests of
 * what crosses nodes and restarts.
 */
public final class Node implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final RestTestClient client;

	private Node(ConfigurableApplicationContext context) {
		this.context = context;
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		this.client = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
	}

	/**
	 * Starts a node.
	 * @param before changes to the context before it refreshes (a bean standing in for a
	 * failure), or null
	 * @param properties more {@code name=value} settings
	 */
	public static Node start(TestDatabase.Database database, Consumer<ConfigurableApplicationContext> before,
			String... properties) {
		List<String> settings = new ArrayList<>(List.of(database.properties()));
		// The rest of the test settings come from src/test/resources/config.
		settings.addAll(List.of("server.port=0", "cairn.throttle.enabled=false"));
		// A node runs jobs, as in production (the test settings turn them off for
		// @IntegrationTest contexts), unless the test says otherwise.
		if (Stream.of(properties)
			.noneMatch((property) -> property.startsWith("cairn.jobs.enabled=")
					|| property.startsWith("CAIRN_JOBS_ENABLED="))) {
			settings.add("cairn.jobs.enabled=true");
		}
		settings.addAll(List.of(properties));
		SpringApplicationBuilder builder = new SpringApplicationBuilder(CairnApplication.class);
		if (before != null) {
			builder.initializers(before::accept);
		}
		// As command-line arguments, which outrank application.yaml.
		return new Node(builder.run(settings.stream().map((setting) -> "--" + setting).toArray(String[]::new)));
	}

	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	public RestTestClient client() {
		return this.client;
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
