package dev.cairn.auth;

import java.util.List;

import dev.cairn.web.Caller;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An authenticated request: its principal is the {@link Caller} controllers receive.
 */
class CallerAuthentication extends AbstractAuthenticationToken {

	private final Caller caller;

	CallerAuthentication(Caller caller) {
		super(List.of());
		this.caller = caller;
		setAuthenticated(true);
	}

	@Override
	public Caller getPrincipal() {
		return this.caller;
	}

	// The credential stays with the filter that checked it.
	@Override
	public Object getCredentials() {
		return null;
	}

}
