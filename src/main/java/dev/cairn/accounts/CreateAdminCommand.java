package dev.cairn.accounts;

import java.security.SecureRandom;

import dev.cairn.platform.CairnCommand;
import dev.cairn.platform.CommandFailed;
import dev.cairn.platform.CommandOptions;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code create-admin --email <email> [--name <name>]}. The password comes from
 * {@code CAIRN_ADMIN_PASSWORD} (never from the command line, where it would stay in shell
 * history and process lists), or is generated and printed once.
 */
@Component
class CreateAdminCommand implements CairnCommand {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final Administrators administrators;

	private final Environment environment;

	CreateAdminCommand(Administrators administrators, Environment environment) {
		this.administrators = administrators;
		this.environment = environment;
	}

	@Override
	public String name() {
		return "create-admin";
	}

	@Override
	public int run(CommandOptions options) {
		String email = options.require("email").trim();
		if (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+")) {
			throw new CommandFailed("--email must be an email address");
		}
		String name = options.get("name").map(String::trim).orElse(email.substring(0, email.indexOf('@')));
		if (name.isEmpty() || name.length() > 100) {
			throw new CommandFailed("--name must be 1 to 100 characters");
		}
		String given = this.environment.getProperty("CAIRN_ADMIN_PASSWORD");
		String[] generated = new String[1];
		var outcome = this.administrators.ensureAdmin(email, name, () -> {
			if (given != null && !given.isEmpty()) {
				if (given.length() < 12 || given.length() > 128) {
					throw new CommandFailed("CAIRN_ADMIN_PASSWORD must be 12 to 128 characters");
				}
				return given;
			}
			generated[0] = randomPassword();
			return generated[0];
		});
		switch (outcome) {
			case CREATED -> {
				System.out.println("Created the administrator " + email + ".");
				if (generated[0] != null) {
					System.out.println("Password (shown only now): " + generated[0]);
				}
			}
			case PROMOTED -> System.out.println(
					email + " already had an account; it is now an administrator. " + "Its password is unchanged.");
			case ALREADY_ADMIN -> System.out.println(email + " is already an administrator; nothing changed.");
		}
		return 0;
	}

	private static String randomPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
