package dev.cairn.platform;

/**
 * A maintenance command run from the same jar as the server, for example
 * {@code java -jar cairn.jar seed-demo}. Each module contributes its own as a bean; the
 * launcher picks one by {@link #name()}.
 */
public interface CairnCommand {

	/** The word typed on the command line, for example {@code seed-demo}. */
	String name();

	/**
	 * Runs the command, printing what it did to standard output. Pending migrations have
	 * been applied before, except for the commands that manage the schema themselves.
	 * @return the process exit code
	 * @throws CommandFailed with a message for the user when the command cannot proceed
	 */
	int run(CommandOptions options);

}
