package dev.cairn.accounts;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTests {

	private final PasswordHasher hasher = new PasswordHasher();

	@Test
	void hashesWithArgon2idAtOwaspCost() {
		String hash = this.hasher.hash("correct horse battery staple");
		assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
		assertThat(this.hasher.matches("correct horse battery staple", hash)).isTrue();
		assertThat(this.hasher.matches("correct horse battery stapler", hash)).isFalse();
	}

	@Test
	void saltsEveryHash() {
		assertThat(this.hasher.hash("same password")).isNotEqualTo(this.hasher.hash("same password"));
	}

	@Test
	void asksForARehashOfWeakerHashes() {
		String weak = new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode("old password");
		assertThat(this.hasher.needsRehash(weak)).isTrue();
		assertThat(this.hasher.needsRehash(this.hasher.hash("new password"))).isFalse();
	}

}
