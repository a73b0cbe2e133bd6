package dev.cairn.platform.cli;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InvocationTests {

	@Test
	void noArgumentsStartsTheServer() {
		assertThat(Invocation.parse()).isInstanceOf(Invocation.Serve.class);
	}

	@Test
	void springArgumentsGoToTheServer() {
		Invocation invocation = Invocation.parse("--server.port=9090");
		assertThat(invocation).isInstanceOfSatisfying(Invocation.Serve.class,
				(serve) -> assertThat(serve.springArguments()).containsExactly("--server.port=9090"));
		assertThat(Invocation.parse("serve", "--server.port=9090")).isInstanceOfSatisfying(Invocation.Serve.class,
				(serve) -> assertThat(serve.springArguments()).containsExactly("--server.port=9090"));
	}

	@Test
	void helpIsAnsweredWithoutStartingAnything() {
		assertThat(Invocation.parse("--help")).isInstanceOf(Invocation.Help.class);
		assertThat(Invocation.parse("-h")).isInstanceOf(Invocation.Help.class);
		assertThat(CommandSpec.help()).contains("migrate", "rollback --to <version>", "seed-demo", "create-admin");
	}

	@Test
	void optionsTakeASpaceOrAnEqualsSign() {
		assertThat(Invocation.parse("rollback", "--to", "3")).isInstanceOfSatisfying(Invocation.Command.class,
				(command) -> assertThat(command.options().values()).isEqualTo(Map.of("to", "3")));
		assertThat(Invocation.parse("create-admin", "--email=a@example.com", "--name", "Ann"))
			.isInstanceOfSatisfying(Invocation.Command.class, (command) -> assertThat(command.options().values())
				.isEqualTo(Map.of("email", "a@example.com", "name", "Ann")));
	}

	@Test
	void unknownCommandsAndOptionsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Invocation.parse("seed"))
			.withMessage("unknown command 'seed'");
		assertThatIllegalArgumentException().isThrownBy(() -> Invocation.parse("rollback", "--version", "3"))
			.withMessage("unknown option --version for rollback");
		assertThatIllegalArgumentException().isThrownBy(() -> Invocation.parse("migrate", "now"))
			.withMessage("unexpected argument 'now' for migrate");
	}

	@Test
	void onlyTheSchemaCommandsSkipMigratingFirst() {
		assertThat(CommandSpec.ALL.stream().filter((spec) -> !spec.migratesFirst()).map(CommandSpec::name))
			.containsExactlyInAnyOrder("migrate", "rollback");
	}

}
