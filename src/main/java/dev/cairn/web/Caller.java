package dev.cairn.web;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is making the request, as the authentication filters established it. Controllers
 * take it as a parameter; services authorize with it.
 *
 * @param userId the authenticated user
 * @param scopes what the credential may do: every scope for a signed-in session, the
 * granted ones for a personal access token
 * @param personalTokenId the personal access token used, or null for a signed-in session
 */
public record Caller(UUID userId, Set<Scope> scopes, UUID personalTokenId) {

	public Caller {
		scopes = Set.copyOf(scopes);
	}

	/**
	 * The caller of the request being served, as the security filters left it; empty
	 * before authentication and for requests without credentials.
	 */
	public static Optional<Caller> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof Caller caller) ? Optional.of(caller)
				: Optional.empty();
	}

	/** A signed-in session: all scopes. */
	public static Caller session(UUID userId) {
		return new Caller(userId, java.util.EnumSet.allOf(Scope.class), null);
	}

	/**
	 * Whether the credential is a personal access token rather than a signed-in session
	 * (credentials themselves can only be changed from a session).
	 */
	public boolean personalToken() {
		return this.personalTokenId != null;
	}

	public boolean may(Scope scope) {
		return this.scopes.contains(scope);
	}

	/** Scopes of personal access tokens; an access token from a login has all of them. */
	public enum Scope {

		/** Reads (the GET routes but those of webhooks and invitations). */
		READ,
		/** Create, update and delete tasks, comments and labels. */
		WRITE,
		/** Project settings, members and invitations, webhooks, tokens. */
		ADMIN

	}

}
