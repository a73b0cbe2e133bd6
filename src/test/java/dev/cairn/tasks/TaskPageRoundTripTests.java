package dev.cairn.tasks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import dev.cairn.testing.Accounts;
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
import static org.awaitility.Awaitility.await;

/**
 * A page of 50 tasks, each with labels and an assignee, costs the same two statements as
 * a page of one: the page, then the labels of all its tasks. Counted at the JDBC
 * connection, so whatever the code does, nothing slips past.
 */
@Import(TaskPageRoundTripTests.CountingDataSource.class)
class TaskPageRoundTripTests extends ApiTestSupport {

	static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();

	@Test
	void aPageOfFiftyTasksWithLabelsIsTwoStatements() {
		SignedIn owner = Accounts.signUp(this.client);
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

		// Listeners (notifications) read each new task after its commit, on threads of
		// their own: the count starts once they are done.
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :project")
				.param("project", "%" + project + "%")
				.query(Long.class)
				.single() == 0);
		STATEMENTS.clear();
		Map<?, ?> page = this.api.page(owner, "/api/v1/projects/" + project + "/tasks?limit=50");
		// The job scheduler polls and the outbox completes publications meanwhile, on
		// threads of their own: not the request's statements.
		List<String> statements = STATEMENTS.stream()
			.filter((sql) -> !sql.contains("scheduled_tasks") && !sql.toLowerCase().contains("event_publication"))
			.toList();

		assertThat(Api.values(page, "labels")).hasSize(50).allMatch((labels) -> labels.equals(List.of(label)));
		assertThat(Api.values(page, "assigneeId")).containsOnly(owner.userId().toString());
		assertThat(statements.stream().filter((sql) -> sql.contains("FROM tasks") || sql.contains("FROM task_labels")))
			.as("statements that read tasks, of %s", statements)
			.hasSize(2);
		// The rest is the membership check.
		assertThat(statements).hasSizeLessThanOrEqualTo(3);
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
				if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
					STATEMENTS.add(sql);
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
