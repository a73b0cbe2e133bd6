package dev.cairn.accounts;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes passwords with Argon2id at OWASP's recommended cost (19 MiB of memory, two
 * passes, one lane; Password Storage Cheat Sheet), with a random 16-byte salt per hash.
 */
@Component
public class PasswordHasher {

	private static final int SALT_BYTES = 16;

	private static final int HASH_BYTES = 32;

	private static final int PARALLELISM = 1;

	private static final int MEMORY_KIB = 19 * 1024;

	private static final int ITERATIONS = 2;

	private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM,
			MEMORY_KIB, ITERATIONS);

	// Each hash takes 19 MiB and a core for tens of milliseconds; with a virtual
	// thread per request nothing else bounds how many run at once, so a burst
	// could exhaust memory.
	private final Semaphore slots = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors() * 2), true);

	public String hash(String password) {
		return bounded(() -> this.encoder.encode(password));
	}

	public boolean matches(String password, String hash) {
		return bounded(() -> this.encoder.matches(password, hash));
	}

	private <T> T bounded(Supplier<T> work) {
		this.slots.acquireUninterruptibly();
		try {
			return work.get();
		}
		finally {
			this.slots.release();
		}
	}

	/** Whether a stored hash was made with weaker parameters than today's. */
	boolean needsRehash(String hash) {
		return this.encoder.upgradeEncoding(hash);
	}

}
