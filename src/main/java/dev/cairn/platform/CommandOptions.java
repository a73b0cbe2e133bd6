package dev.cairn.platform;

import java.util.Map;
import java.util.Optional;

/**
 * The {@code --name value} (or {@code --name=value}) options given after a command.
 */
public record CommandOptions(Map<String, String> values) {

	public CommandOptions {
		values = Map.copyOf(values);
	}

	public Optional<String> get(String name) {
		return Optional.ofNullable(this.values.get(name));
	}

	public String require(String name) {
		return get(name).orElseThrow(() -> new CommandFailed("missing option --" + name));
	}

}
