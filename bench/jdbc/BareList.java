import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * The list route's work without HTTP or Spring: per thread, one connection; per round,
 * Cairn's page statement (bench/sql/list.sql, prepared), the rows mapped to maps with the
 * response's fields, and the page written to JSON bytes with Jackson. Prints rounds per second. Run by bench/ceiling.sh.
 */
public class BareList {

	private static final String[] PRIORITIES = { "none", "low", "medium", "high", "urgent" };

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static volatile boolean counting;

	private static volatile boolean running = true;

	public static void main(String[] args) throws Exception {
		int threads = Integer.parseInt(System.getenv("BENCH_THREADS_N"));
		LongAdder rounds = new LongAdder();
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			workers.add(Thread.ofPlatform().start(() -> {
				try {
					work(rounds);
				}
				catch (Exception ex) {
					ex.printStackTrace();
					System.exit(1);
				}
			}));
		}
		Thread.sleep(Long.parseLong(System.getenv("BENCH_WARMUP_SECONDS")) * 1000);
		rounds.reset();
		counting = true;
		long start = System.nanoTime();
		Thread.sleep(Long.parseLong(System.getenv("BENCH_SECONDS")) * 1000);
		long done = rounds.sum();
		double seconds = (System.nanoTime() - start) / 1e9;
		running = false;
		for (Thread worker : workers) {
			worker.join();
		}
		System.out.printf("rps %.1f%nrounds %d%nthreads %d%n", done / seconds, done, threads);
	}

	private static void work(LongAdder rounds) throws Exception {
		Properties properties = new Properties();
		properties.setProperty("user", System.getenv().getOrDefault("PGUSER", "postgres"));
		if (System.getenv("PGPASSWORD") != null) {
			properties.setProperty("password", System.getenv("PGPASSWORD"));
		}
		UUID project = UUID.fromString(System.getenv("BENCH_PROJECT_ID"));
		try (Connection connection = DriverManager.getConnection(System.getenv("BENCH_URL"), properties);
				PreparedStatement page = connection.prepareStatement(System.getenv("BENCH_PAGE_SQL"))) {
			while (running) {
				page.setObject(1, project);
				page.setInt(2, 51);
				List<Map<String, Object>> items = new ArrayList<>();
				UUID last = null;
				try (ResultSet rs = page.executeQuery()) {
					while (rs.next() && items.size() < 50) {
						items.add(item(rs));
						last = rs.getObject("id", UUID.class);
					}
				}
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("items", items);
				body.put("nextCursor", (last != null) ? last.toString() : null);
				byte[] json = JSON.writeValueAsBytes(body);
				if (counting && json.length > 0) {
					rounds.increment();
				}
			}
		}
	}

	private static Map<String, Object> item(ResultSet rs) throws Exception {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("id", rs.getObject("id", UUID.class));
		item.put("key", rs.getString("project_key") + "-" + rs.getInt("number"));
		item.put("number", rs.getInt("number"));
		item.put("projectId", rs.getObject("project_id", UUID.class));
		item.put("title", rs.getString("title"));
		item.put("description", rs.getString("description"));
		item.put("statusId", rs.getObject("status_id", UUID.class));
		item.put("priority", PRIORITIES[rs.getInt("priority")]);
		item.put("assigneeId", rs.getObject("assignee_id", UUID.class));
		item.put("reporterId", rs.getObject("reporter_id", UUID.class));
		item.put("parentId", rs.getObject("parent_id", UUID.class));
		item.put("startDate", String.valueOf(rs.getDate("start_date")));
		item.put("dueDate", String.valueOf(rs.getDate("due_date")));
		item.put("estimate", rs.getBigDecimal("estimate"));
		item.put("position", rs.getLong("position"));
		// As Cairn writes them: jsonb's text, not parsed again.
		item.put("customFields", new RawValue(rs.getString("custom_fields")));
		item.put("labels", List.of((UUID[]) rs.getArray("label_ids").getArray()));
		item.put("completedAt", instant(rs, "completed_at"));
		item.put("createdAt", instant(rs, "created_at"));
		item.put("updatedAt", instant(rs, "updated_at"));
		item.put("version", rs.getLong("version"));
		return item;
	}

	private static String instant(ResultSet rs, String column) throws Exception {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant().toString() : null;
	}

}
