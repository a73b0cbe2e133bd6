package dev.cairn.web;

import java.util.Set;
import java.util.UUID;

/**
 * Who is making the request, as the authentication filters established it. Controllers
 * take it as a parameter; services authorize with it.
 *
 * @param userId the authenticated user
 * @param scopes what the credential may do: every scope for an access token, the granted
 * ones for a personal access token
 */
public record Caller(UUID userId, Set<Scope> scopes) {

	public Caller {
		scopes = Set.copyOf(scopes);
	}

	public boolean may(Scope scope) {
		return this.scopes.contains(scope);
	}

	/** Scopes of personal access tokens; an access token from a login has all of them. */
	public enum Scope {

		/** Every GET. */
		READ,
		/** Create, update and delete tasks, comments and labels. */
		WRITE,
		/** Project settings, members, webhooks and tokens. */
		ADMIN

	}

}
