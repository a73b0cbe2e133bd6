package dev.cairn.platform.cli;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The commands the jar knows, described here rather than by their beans so that
 * {@code --help} and a mistyped command are answered without starting anything.
 *
 * @param name the word on the command line, and the bean's {@code CairnCommand.name()}
 * @param options the option names it accepts
 * @param synopsis the usage line after the name
 * @param summary what it does
 * @param migratesFirst whether pending migrations are applied before it runs
 */
record CommandSpec(String name, List<String> options, String synopsis, String summary, boolean migratesFirst) {

	static final List<CommandSpec> ALL = List.of(
			new CommandSpec("migrate", List.of(), "", "apply pending database migrations", false),
			new CommandSpec("rollback", List.of("to"), "--to <version>",
					"undo the migrations newer than <version> (0 undoes all)", false),
			new CommandSpec("seed-demo", List.of(), "",
					"load demo users, projects and tasks (once; a second run changes nothing)", true),
			new CommandSpec("create-admin", List.of("email", "name"), "--email <email> [--name <name>]",
					"create an instance administrator (password from CAIRN_ADMIN_PASSWORD, or generated and "
							+ "printed once), or make an existing user one",
					true),
			new CommandSpec("rotate-signing-key", List.of(), "",
					"sign new access tokens with a new key; the old one stays valid until its tokens expire", true));

	static Optional<CommandSpec> named(String name) {
		return ALL.stream().filter((spec) -> spec.name.equals(name)).findFirst();
	}

	static String help() {
		String commands = ALL.stream()
			.map((spec) -> String.format("  %s %s%n      %s", spec.name, spec.synopsis, spec.summary)
				.replace(" \n", "\n"))
			.collect(Collectors.joining("\n"));
		return """
				Usage: cairn [command] [options]

				With no command, Cairn starts the HTTP server (port 8080, or SERVER_PORT), using the
				PostgreSQL named by CAIRN_DATABASE_URL or else an embedded one with its data in
				CAIRN_DATA_DIR (default ./data). Spring arguments such as --server.port=9090 may follow.

				Commands:
				%s

				Each command uses the same configuration as the server and exits when done.
				""".formatted(commands);
	}

}
