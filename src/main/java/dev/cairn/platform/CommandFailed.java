package dev.cairn.platform;

/**
 * A command could not do what was asked; the message is shown to the user as it is.
 */
public class CommandFailed extends RuntimeException {

	public CommandFailed(String message) {
		super(message);
	}

}
