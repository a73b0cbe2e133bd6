package dev.cairn.accounts;

import java.util.function.Supplier;

import dev.cairn.platform.Ids;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Instance administrators: operators of the Cairn installation (not project roles).
 */
@Service
class Administrators {

	private final UserRepository users;

	private final PasswordHasher hasher;

	Administrators(UserRepository users, PasswordHasher hasher) {
		this.users = users;
		this.hasher = hasher;
	}

	/**
	 * Makes the account with this email an administrator, creating it (with the supplied
	 * password, asked for only then) when there is none.
	 */
	@Transactional
	Outcome ensureAdmin(String email, String displayName, Supplier<String> password) {
		var existing = this.users.findByEmail(email);
		if (existing.isPresent()) {
			if (existing.get().isAdmin()) {
				return Outcome.ALREADY_ADMIN;
			}
			this.users.makeAdmin(existing.get().id());
			return Outcome.PROMOTED;
		}
		this.users.insert(Ids.newId(), email, displayName, this.hasher.hash(password.get()), true);
		return Outcome.CREATED;
	}

	enum Outcome {

		CREATED, PROMOTED, ALREADY_ADMIN

	}

}
