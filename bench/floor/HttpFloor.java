import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor of an HTTP route on this stack: Tomcat, Spring MVC and Jackson, in Cairn's
 * versions and with Cairn's JVM options, answering GET /floor/{id} with a task-shaped
 * record built in memory: no database, no security, no filters. And GET /floor/db/{id}:
 * the same plus Cairn's own statement for a task read (bench/sql/get.sql, through
 * JdbcClient and Hikari, the row as a map): a straightforward Spring MVC read with
 * nothing of Cairn's around it. Run by bench/ceiling.sh (routes "floor" and "floor-db")
 * with Cairn's classpath, spring.datasource.* pointing at the bench database and
 * BENCH_GET_SQL naming the statement's file; bench/startup.sh --floor starts it without
 * a database to time a Spring Boot start with nothing of Cairn's in it.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
		WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
		DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class })
@Import(HttpFloor.Floor.class)
public class HttpFloor {

	public static void main(String[] args) {
		SpringApplication.run(HttpFloor.class, args);
	}

	/** The fields of Cairn's task response, with values of the same sizes. */
	public record Task(UUID id, String key, long number, UUID projectId, String title, String description,
			UUID statusId, String priority, UUID assigneeId, UUID reporterId, String dueDate, double position,
			List<UUID> labelIds, String customFields, long version, OffsetDateTime createdAt,
			OffsetDateTime updatedAt, OffsetDateTime completedAt) {
	}

	@RestController
	public static class Floor {

		private final UUID project = UUID.randomUUID();

		private final UUID status = UUID.randomUUID();

		private final UUID user = UUID.randomUUID();

		private final List<UUID> labels = List.of(UUID.randomUUID());

		private final OffsetDateTime at = OffsetDateTime.now();

		private final JdbcClient jdbc;

		private final String sql;

		public Floor(ObjectProvider<JdbcClient> jdbc) throws IOException {
			String file = System.getenv("BENCH_GET_SQL");
			this.jdbc = jdbc.getIfAvailable();
			this.sql = (file != null) ? Files.readString(Path.of(file)).lines().findFirst().orElseThrow() : null;
		}

		@GetMapping("/floor/{id}")
		public Task task(@PathVariable UUID id) {
			return new Task(id, "BENCH-4242", 4242, this.project, "harbor granite ledger stone path across",
					"a description of about the length the bench data gives most tasks, some sixty words or so "
							+ "of Zipf-distributed vocabulary that the generator strings together for each one",
					this.status, "medium", this.user, this.user, "2026-12-01", 1024.5, this.labels, null, 3, this.at,
					this.at, null);
		}

		@GetMapping("/floor/db/{id}")
		public Map<String, Object> stored(@PathVariable UUID id) {
			return this.jdbc.sql(this.sql).param(id).query((rs, n) -> {
				Map<String, Object> task = new LinkedHashMap<>();
				int columns = rs.getMetaData().getColumnCount();
				for (int i = 1; i <= columns; i++) {
					Object value = rs.getObject(i);
					task.put(rs.getMetaData().getColumnLabel(i),
							(value instanceof java.sql.Array array) ? List.of((Object[]) array.getArray()) : value);
				}
				return task;
			}).single();
		}

	}

}
