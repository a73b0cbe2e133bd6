package dev.cairn.accounts;

import java.util.Map;

import dev.cairn.platform.CommandFailed;
import dev.cairn.testing.CommandContext;
import dev.cairn.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@Isolated
class CreateAdminCommandTests {

	private static CommandContext cairn;

	private static JdbcClient jdbc;

	@BeforeAll
	static void start() {
		TestDatabase.Database database = TestDatabase.migrated();
		cairn = CommandContext.on(database);
		jdbc = JdbcClient.create(database.dataSource());
	}

	@AfterAll
	static void stop() {
		cairn.close();
	}

	@Test
	void createsAnAdministratorWithAGeneratedPasswordShownOnce() {
		var output = cairn.run("create-admin", Map.of("email", "Root@Example.com", "name", "Root"));

		assertThat(output.exitCode()).isZero();
		String password = output.text()
			.lines()
			.filter((line) -> line.startsWith("Password"))
			.findFirst()
			.orElseThrow()
			.replaceAll(".*: ", "");
		assertThat(password).hasSize(20);
		var row = jdbc.sql("SELECT password_hash, is_admin, display_name FROM users WHERE email = 'Root@Example.com'")
			.query()
			.singleRow();
		assertThat(row.get("is_admin")).isEqualTo(true);
		assertThat(row.get("display_name")).isEqualTo("Root");
		assertThat(new PasswordHasher().matches(password, (String) row.get("password_hash"))).isTrue();
		assertThat(jdbc
			.sql("SELECT count(*) FROM user_profiles p JOIN users u ON u.id = p.user_id "
					+ "WHERE u.email = 'Root@Example.com'")
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void promotesAnExistingAccountWithoutTouchingItsPassword() {
		cairn.run("create-admin", Map.of("email", "ops@example.com"));
		jdbc.sql("UPDATE users SET is_admin = false WHERE email = 'ops@example.com'").update();
		String hash = jdbc.sql("SELECT password_hash FROM users WHERE email = 'ops@example.com'")
			.query(String.class)
			.single();

		assertThat(cairn.run("create-admin", Map.of("email", "OPS@example.com")).text())
			.contains("it is now an administrator");
		assertThat(cairn.run("create-admin", Map.of("email", "ops@example.com")).text())
			.contains("already an administrator; nothing changed");
		assertThat(jdbc.sql("SELECT password_hash FROM users WHERE email = 'ops@example.com' AND is_admin")
			.query(String.class)
			.single()).isEqualTo(hash);
	}

	@Test
	void refusesSomethingThatIsNotAnEmailAddress() {
		assertThatExceptionOfType(CommandFailed.class)
			.isThrownBy(() -> cairn.run("create-admin", Map.of("email", "not-an-email")))
			.withMessage("--email must be an email address");
	}

}
