package dev.cairn.accounts;

import java.util.UUID;

import dev.cairn.platform.Ids;

import org.springframework.context.ApplicationContext;

/**
 * For tests outside this package (the test users fixture): accounts made as registration
 * makes them, without registration's checks, mail and hashing.
 */
public final class AccountFixtures {

	private AccountFixtures() {
	}

	/**
	 * Inserts an account as {@link Accounts#register} does (the user and their profile),
	 * with an address not yet verified.
	 * @param passwordHash a hash {@link PasswordHasher} made
	 * @return the new user's id
	 */
	public static UUID insertUser(ApplicationContext context, String email, String displayName, String passwordHash) {
		UUID id = Ids.newId();
		if (!context.getBean(UserRepository.class).insertIfEmailFree(id, email, displayName, passwordHash)) {
			throw new IllegalStateException("An account with " + email + " exists already");
		}
		return id;
	}

}
