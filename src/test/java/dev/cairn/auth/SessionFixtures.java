package dev.cairn.auth;

import java.util.UUID;

import org.springframework.context.ApplicationContext;

/**
 * For tests outside this package (the test users fixture): a session started as a
 * password sign-in starts it, once the password has been checked.
 */
public final class SessionFixtures {

	private SessionFixtures() {
	}

	/** Starts a session of the user, as a sign-in from the test client does. */
	public static Tokens start(ApplicationContext context, UUID userId) {
		TokenPair pair = context.getBean(Sessions.class).start(userId, new Client(null, "127.0.0.1"));
		return new Tokens(pair.accessToken(), pair.refreshToken());
	}

	public record Tokens(String accessToken, String refreshToken) {
	}

}
