package dev.cairn.platform.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.cairn.platform.CairnCommand;
import dev.cairn.platform.CommandFailed;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.NamedInterface;

/**
 * Starts the server, or runs one command in a context without a web server and exits.
 */
@NamedInterface("launcher")
public final class CairnLauncher {

	private CairnLauncher() {
	}

	/**
	 * Starts the server and returns while it runs; or runs a command, or prints help, and
	 * exits the process with its status.
	 */
	public static void launch(Class<?> application, String... args) {
		Invocation invocation;
		try {
			invocation = Invocation.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("cairn: " + ex.getMessage() + " (see cairn --help)");
			System.exit(2);
			return;
		}
		switch (invocation) {
			case Invocation.Serve serve -> SpringApplication.run(application, serve.springArguments());
			case Invocation.Help help -> {
				System.out.print(CommandSpec.help());
				System.exit(0);
			}
			case Invocation.Command command -> System.exit(run(application, command));
		}
	}

	/**
	 * @param settings extra {@code name=value} settings (tests point it at their
	 * database)
	 */
	static int run(Class<?> application, Invocation.Command command, String... settings) {
		// Passed as command-line arguments: they must outrank application.yaml and
		// the environment, or CAIRN_DATABASE_MIGRATE_ON_START=true would migrate
		// before a rollback.
		List<String> arguments = new ArrayList<>();
		arguments.add("--cairn.database.migrate-on-start=" + command.spec().migratesFirst());
		arguments.add("--logging.level.root=warn");
		// A command does its one thing: background jobs are the servers' work.
		arguments.add("--cairn.jobs.enabled=false");
		// At shutdown the event publication registry lists what is still owed; after a
		// rollback below V12 its table is gone, and that listing is noise, not news.
		arguments.add("--logging.level.org.springframework.beans.factory.support.DisposableBeanAdapter=error");
		Arrays.stream(settings).map((setting) -> "--" + setting).forEach(arguments::add);
		ConfigurableApplicationContext context;
		try {
			context = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.run(arguments.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			return 1; // Spring Boot has already reported why it could not start.
		}
		try (context) {
			CairnCommand bean = context.getBeansOfType(CairnCommand.class)
				.values()
				.stream()
				.filter((candidate) -> candidate.name().equals(command.spec().name()))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No bean for command " + command.spec().name()));
			return bean.run(command.options());
		}
		catch (CommandFailed ex) {
			System.err.println("cairn " + command.spec().name() + ": " + ex.getMessage());
			return 1;
		}
	}

}
