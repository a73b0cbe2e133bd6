package dev.cairn.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import dev.cairn.CairnApplication;
import dev.cairn.platform.CairnCommand;
import dev.cairn.platform.CommandOptions;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Cairn as a command sees it: no web server, a database of the test's own.
 */
public final class CommandContext implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private CommandContext(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static CommandContext on(TestDatabase.Database database, String... extraProperties) {
		// As command-line arguments, which outrank application.yaml (builder properties
		// do not).
		// Quiet logs, as the launcher sets them for commands, so the output is what a
		// user sees.
		Stream<String> properties = Stream
			.of(Stream.of(database.properties()), Stream.of(extraProperties),
					Stream.of("logging.level.root=warn", "cairn.jobs.enabled=false"))
			.flatMap((stream) -> stream);
		SpringApplicationBuilder builder = new SpringApplicationBuilder(CairnApplication.class)
			.web(WebApplicationType.NONE);
		return new CommandContext(builder.run(properties.map((property) -> "--" + property).toArray(String[]::new)));
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/** Runs the named command and returns what it printed. */
	public Output run(String name, Map<String, String> options) {
		CairnCommand command = this.context.getBeansOfType(CairnCommand.class)
			.values()
			.stream()
			.filter((candidate) -> candidate.name().equals(name))
			.findFirst()
			.orElseThrow();
		PrintStream original = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			int exitCode = command.run(new CommandOptions(options));
			return new Output(exitCode, captured.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(original);
		}
	}

	@Override
	public void close() {
		this.context.close();
	}

	public record Output(int exitCode, String text) {
	}

}
