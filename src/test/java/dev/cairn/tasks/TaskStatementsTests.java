package dev.cairn.tasks;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the hot routes cost the database, counted at the JDBC connection of the request's
 * own thread, so whatever the code does, nothing slips past: a task read is one
 * statement, a page of tasks one too (each task with its labels, whatever the page's
 * size), neither in a transaction; a create is three statements plus the activity row and
 * its outbox rows.
 */
@Import(TaskStatementsTests.CountingDataSource.class)
class TaskStatementsTests extends ApiTestSupport {

	/**
	 * What each request thread did at its connections: SQL, or "BEGIN" for a transaction.
	 */
	static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();

	@Test
	void aTaskReadIsOneStatementOutsideATransaction() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		Map<?, ?> task = this.api.task(owner, project, Map.of("title", "Read me"));
		this.api.call(owner, HttpMethod.GET, "/api/v1/tasks/" + task.get("id"), null).expectStatus().isOk();

		STATEMENTS.clear();
		this.api.call(owner, HttpMethod.GET, "/api/v1/tasks/" + task.get("id"), null).expectStatus().isOk();
		assertThat(STATEMENTS).singleElement().asString().contains("FROM tasks t");
		STATEMENTS.clear();
		this.api.call(owner, HttpMethod.GET, "/api/v1/tasks/by-key/" + task.get("key"), null).expectStatus().isOk();
		assertThat(STATEMENTS).singleElement().asString().contains("FROM tasks t");
	}

	@Test
	void aCreateIsTwoStatementsPlusTheActivityRowAndItsOutbox() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.task(owner, project, Map.of("title", "Warms the caches"));

		STATEMENTS.clear();
		this.api.task(owner, project, Map.of("title", "Counted", "assigneeId", owner.userId().toString()));
		List<String> own = STATEMENTS.stream()
			.filter((sql) -> !sql.equals("BEGIN") && !sql.contains("INSERT INTO events")
					&& !sql.toLowerCase().contains("event_publication"))
			.toList();
		assertThat(own).as("of %s", STATEMENTS).hasSize(2);
		assertThat(STATEMENTS).filteredOn((sql) -> sql.contains("INSERT INTO events")).hasSize(1);
		assertThat(STATEMENTS).filteredOn("BEGIN"::equals).hasSize(1);
		// One outbox row, for notifications: the project has no webhook that
		// would want it.
		assertThat(STATEMENTS).filteredOn((sql) -> sql.toLowerCase().contains("insert into event_publication"))
			.hasSize(1);
	}

	@Test
	void aPageOfFiftyTasksWithLabelsIsOneStatement() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		String label = (String) this.api
			.call(owner, HttpMethod.POST, "/api/v1/projects/" + project + "/labels", Map.of("name", "bug"))
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		for (int i = 0; i < 60; i++) {
			Map<?, ?> task = this.api.task(owner, project,
					Map.of("title", "Task " + i, "assigneeId", owner.userId().toString()));
			this.api.call(owner, HttpMethod.PUT, "/api/v1/tasks/" + task.get("id") + "/labels/" + label, null)
				.expectStatus()
				.isOk();
		}

		STATEMENTS.clear();
		Map<?, ?> page = this.api.page(owner, "/api/v1/projects/" + project + "/tasks?limit=50");
		List<String> statements = List.copyOf(STATEMENTS);

		assertThat(Api.values(page, "labels")).hasSize(50).allMatch((labels) -> labels.equals(List.of(label)));
		assertThat(Api.values(page, "assigneeId")).containsOnly(owner.userId().toString());
		assertThat(statements).as("of %s", statements).singleElement().asString().contains("FROM tasks t");
	}

	/**
	 * {@code bench/ceiling.sh} runs, with pgbench, the statements a list, a read and a
	 * create run here; the files it reads them from must be exactly these. After an
	 * intended change, regenerate them with
	 * {@code ./mvnw verify -Dtest=TaskStatementsTests -Dbench.sql.update=true}.
	 */
	@Test
	void theBenchCeilingRunsTheVerySqlOfEachRoute() throws IOException {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.task(owner, project, Map.of("title", "Warms the caches"));
		Map<?, ?> task = this.api.task(owner, project, Map.of("title", "Read me"));
		this.api.call(owner, HttpMethod.GET, "/api/v1/tasks/" + task.get("id"), null).expectStatus().isOk();

		STATEMENTS.clear();
		this.api.page(owner, "/api/v1/projects/" + project + "/tasks?limit=50");
		matchesBenchFile("list", List.copyOf(STATEMENTS));
		STATEMENTS.clear();
		this.api.call(owner, HttpMethod.GET, "/api/v1/tasks/" + task.get("id"), null).expectStatus().isOk();
		matchesBenchFile("get", List.copyOf(STATEMENTS));
		STATEMENTS.clear();
		this.api.task(owner, project, Map.of("title", "Created"));
		matchesBenchFile("create", STATEMENTS.stream().filter((sql) -> !sql.equals("BEGIN")).toList());
	}

	private static void matchesBenchFile(String route, List<String> statements) throws IOException {
		// One statement a line, its whitespace folded, an IN list written once
		// for any length.
		String actual = statements.stream()
			.map((sql) -> sql.replaceAll("\\s+", " ").strip().replaceAll("IN \\(\\?(, \\?)*\\)", "IN (?...)"))
			.collect(Collectors.joining("\n", "", "\n"));
		Path file = Path.of("bench/sql/" + route + ".sql");
		if (Boolean.getBoolean("bench.sql.update")) {
			Files.createDirectories(file.getParent());
			Files.writeString(file, actual, StandardCharsets.UTF_8);
		}
		assertThat(actual).as("%s is out of date; regenerate it with -Dbench.sql.update=true", file)
			.isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
	}

	/** Records the SQL of every statement prepared on the application's connections. */
	@TestConfiguration(proxyBeanMethods = false)
	static class CountingDataSource {

		@Bean
		static BeanPostProcessor countingDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return (bean instanceof DataSource dataSource) ? proxy(DataSource.class, dataSource) : bean;
				}
			};
		}

		private static <T> T proxy(Class<T> type, T target) {
			InvocationHandler handler = (proxy, method, args) -> {
				// Requests run on Tomcat's threads; listeners and jobs, on others, after.
				if (Thread.currentThread().getName().startsWith("tomcat-handler")) {
					if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
						STATEMENTS.add(sql);
					}
					if (method.getName().equals("setAutoCommit") && Boolean.FALSE.equals(args[0])) {
						STATEMENTS.add("BEGIN");
					}
				}
				Object result = invoke(method, target, args);
				return (result instanceof Connection connection) ? proxy(Connection.class, connection) : result;
			};
			return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler));
		}

		private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

	}

}
