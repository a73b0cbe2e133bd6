package dev.cairn.auth;

import dev.cairn.platform.CairnCommand;
import dev.cairn.platform.CommandOptions;

import org.springframework.stereotype.Component;

/**
 * {@code rotate-signing-key}: new access tokens are signed with a new key from now on;
 * the old key stays published in the JWKS, and its tokens valid, until they have expired.
 * Other nodes pick the new key up within minutes, and verify it at once.
 */
@Component
class RotateSigningKeyCommand implements CairnCommand {

	private final SigningKeys keys;

	RotateSigningKeyCommand(SigningKeys keys) {
		this.keys = keys;
	}

	@Override
	public String name() {
		return "rotate-signing-key";
	}

	@Override
	public int run(CommandOptions options) {
		String before = this.keys.signingKey().getKeyID();
		this.keys.rotate();
		System.out.printf("Access tokens are now signed with key %s; key %s is retired and stays published "
				+ "until its tokens expire.%n", this.keys.signingKey().getKeyID(), before);
		return 0;
	}

}
