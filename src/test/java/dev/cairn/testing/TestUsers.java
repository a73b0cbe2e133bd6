package dev.cairn.testing;

import dev.cairn.accounts.AccountFixtures;
import dev.cairn.accounts.PasswordHasher;
import dev.cairn.auth.SessionFixtures;
import dev.cairn.testing.Accounts.SignedIn;

import org.springframework.context.ApplicationContext;

/**
 * Signed-in users for tests that need someone but are not about signing up or in: each a
 * new account with a fresh address and the shared password ({@link Accounts#PASSWORD}),
 * made as registration makes it, with a session started as sign-in starts it. Unlike
 * {@link Accounts#signUp}, no Argon2id hash is computed for it (the password's is
 * computed once per JVM: each costs a core a tenth of a second), no password strength
 * check runs and no verification mail is sent. The password works: a test may still sign
 * in with it.
 */
public final class TestUsers {

	private static volatile String passwordHash;

	private final ApplicationContext context;

	public TestUsers(ApplicationContext context) {
		this.context = context;
	}

	/** A new user, signed in; their address is not verified yet. */
	public SignedIn signedIn() {
		String email = Accounts.uniqueEmail();
		var id = AccountFixtures.insertUser(this.context, email, "Test User", passwordHash());
		SessionFixtures.Tokens tokens = SessionFixtures.start(this.context, id);
		return new SignedIn(id, email, tokens.accessToken(), tokens.refreshToken());
	}

	private String passwordHash() {
		String hash = passwordHash;
		if (hash == null) {
			hash = this.context.getBean(PasswordHasher.class).hash(Accounts.PASSWORD);
			passwordHash = hash;
		}
		return hash;
	}

}
