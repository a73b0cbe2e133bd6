package dev.cairn.platform.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.platform.CommandOptions;

/**
 * What the command line asks for: the server (with Spring arguments such as
 * {@code --server.port=9090}), help, or one command with its options.
 */
sealed interface Invocation {

	record Serve(String[] springArguments) implements Invocation {
	}

	record Help() implements Invocation {
	}

	record Command(CommandSpec spec, CommandOptions options) implements Invocation {
	}

	/**
	 * @throws IllegalArgumentException with a message for the user when the line is wrong
	 */
	static Invocation parse(String... args) {
		if (args.length == 0) {
			return new Serve(args);
		}
		String first = args[0];
		if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
			return new Help();
		}
		if (first.equals("serve")) {
			return new Serve(Arrays.copyOfRange(args, 1, args.length));
		}
		if (first.startsWith("--")) {
			return new Serve(args);
		}
		CommandSpec spec = CommandSpec.named(first)
			.orElseThrow(() -> new IllegalArgumentException("unknown command '" + first + "'"));
		return new Command(spec, options(spec, Arrays.asList(args).subList(1, args.length)));
	}

	private static CommandOptions options(CommandSpec spec, List<String> words) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			if (!word.startsWith("--") || word.length() == 2) {
				throw new IllegalArgumentException("unexpected argument '" + word + "' for " + spec.name());
			}
			String name;
			String value;
			int equals = word.indexOf('=');
			if (equals > 0) {
				name = word.substring(2, equals);
				value = word.substring(equals + 1);
			}
			else if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
				name = word.substring(2);
				value = words.get(++i);
			}
			else {
				name = word.substring(2);
				value = "true";
			}
			if (!spec.options().contains(name)) {
				throw new IllegalArgumentException("unknown option --" + name + " for " + spec.name());
			}
			values.put(name, value);
		}
		return new CommandOptions(values);
	}

}
