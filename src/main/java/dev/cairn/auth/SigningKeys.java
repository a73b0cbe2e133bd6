package dev.cairn.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import dev.cairn.platform.SecretBox;
import dev.cairn.platform.StartupFailure;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ES256 keys that sign access tokens. Either one key from configuration, or keys kept
 * in the database so that every node signs and verifies with the same ones: the first
 * node to start makes one. Rotation makes a new active key and retires the old, whose
 * public half stays published until the last token it signed has expired.
 */
@Component
class SigningKeys {

	// Another node may have rotated; look again at least this often.
	private static final Duration RELOAD_AFTER = Duration.ofMinutes(5);

	// A token with an unknown kid may look again, but not more often than this: forged
	// tokens with random kids must not turn into a database query each.
	private static final Duration RELOAD_ON_MISS_AFTER = Duration.ofSeconds(30);

	private static final String SEALED = "sealed:v1:";

	private final SigningKeyRepository repository;

	private final AuthSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final SecretBox box;

	private final ReentrantLock reloading = new ReentrantLock();

	private volatile Loaded loaded;

	SigningKeys(SigningKeyRepository repository, AuthSettings settings, TransactionTemplate transactions, Clock clock,
			SecretBox box) {
		this.repository = repository;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
		this.box = box;
	}

	/** The key new tokens are signed with. */
	ECKey signingKey() {
		return current().keys().get(0);
	}

	/** Every key a valid token may have been signed with, public halves only. */
	JWKSet publicKeys() {
		return new JWKSet(
				current().keys().stream().map((key) -> (com.nimbusds.jose.jwk.JWK) key.toPublicJWK()).toList());
	}

	/** The public key with this id, looking in the database again if it is new to us. */
	Optional<ECKey> verificationKey(String kid) {
		Loaded snapshot = current();
		Optional<ECKey> key = find(snapshot, kid);
		boolean mayLookAgain = snapshot.loadedAt().plus(RELOAD_ON_MISS_AFTER).isBefore(this.clock.instant());
		if (key.isEmpty() && mayLookAgain && !this.settings.hasConfiguredKey()) {
			key = find(reload(), kid);
		}
		return key.map(ECKey::toPublicJWK);
	}

	/** Makes a new signing key and retires the current one. */
	void rotate() {
		if (this.settings.hasConfiguredKey()) {
			throw new IllegalStateException("The signing key comes from configuration; rotate it there.");
		}
		this.transactions.executeWithoutResult((status) -> {
			this.repository.lockForCreation();
			this.repository.retireActive();
			insertNewKey();
		});
		reload();
	}

	private Loaded current() {
		Loaded snapshot = this.loaded;
		if (snapshot == null || snapshot.loadedAt().plus(RELOAD_AFTER).isBefore(this.clock.instant())) {
			snapshot = reload();
		}
		return snapshot;
	}

	// A lock rather than synchronized: virtual threads waiting on it do not
	// pin their carrier.
	private Loaded reload() {
		this.reloading.lock();
		try {
			List<ECKey> keys = this.settings.hasConfiguredKey() ? List.of(configuredKey()) : storedKeys();
			this.loaded = new Loaded(keys, this.clock.instant());
			return this.loaded;
		}
		finally {
			this.reloading.unlock();
		}
	}

	private List<ECKey> storedKeys() {
		Instant oldestUseful = this.clock.instant()
			.minus(this.settings.accessTokenTtl())
			.minus(this.settings.clockSkew());
		List<SigningKeyRepository.StoredKey> stored = this.repository.findUsable(oldestUseful);
		if (stored.isEmpty() || stored.get(0).retiredAt() != null) {
			this.transactions.executeWithoutResult((status) -> {
				this.repository.lockForCreation();
				var again = this.repository.findUsable(oldestUseful);
				if (again.isEmpty() || again.get(0).retiredAt() != null) {
					insertNewKey();
				}
			});
			stored = this.repository.findUsable(oldestUseful);
		}
		return stored.stream().map(this::toJwk).toList();
	}

	private void insertNewKey() {
		try {
			ECKey key = new ECKeyGenerator(Curve.P_256).generate();
			String kid = key.computeThumbprint().toString();
			// Sealed with the SecretBox: a copy of the database alone
			// cannot forge tokens.
			String sealed = SEALED + Base64.getEncoder()
				.encodeToString(this.box.seal(Pem.privateKey(key.toECPrivateKey()).getBytes(StandardCharsets.UTF_8)));
			this.repository.insert(kid, Pem.publicKey(key.toECPublicKey()), sealed);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate a signing key", ex);
		}
	}

	private ECKey configuredKey() {
		if (this.settings.jwtPublicKey() == null || this.settings.jwtPublicKey().isBlank()) {
			throw new StartupFailure("CAIRN_AUTH_JWT_PRIVATE_KEY is set but CAIRN_AUTH_JWT_PUBLIC_KEY is not.",
					"Set both (PEM), or neither to let Cairn keep its keys in the database.");
		}
		try {
			ECKey key = new ECKey.Builder(Curve.P_256, Pem.readPublicKey(this.settings.jwtPublicKey()))
				.privateKey(Pem.readPrivateKey(this.settings.jwtPrivateKey()))
				.build();
			return new ECKey.Builder(key).keyID(key.computeThumbprint().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.ES256)
				.build();
		}
		catch (IllegalArgumentException | JOSEException ex) {
			throw new StartupFailure("CAIRN_AUTH_JWT_PRIVATE_KEY / CAIRN_AUTH_JWT_PUBLIC_KEY: " + ex.getMessage(),
					"Give an EC P-256 key pair as PEM (openssl ecparam -name prime256v1 -genkey | openssl pkcs8 "
							+ "-topk8 -nocrypt; openssl ec -pubout).",
					ex);
		}
	}

	private ECKey toJwk(SigningKeyRepository.StoredKey stored) {
		String privateKey = stored.privateKeyPem();
		if (privateKey.startsWith(SEALED)) {
			privateKey = new String(this.box.open(Base64.getDecoder().decode(privateKey.substring(SEALED.length()))),
					StandardCharsets.UTF_8);
		}
		return new ECKey.Builder(Curve.P_256, Pem.readPublicKey(stored.publicKeyPem()))
			.privateKey(Pem.readPrivateKey(privateKey))
			.keyID(stored.kid())
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.ES256)
			.build();
	}

	private static Optional<ECKey> find(Loaded loaded, String kid) {
		return loaded.keys().stream().filter((key) -> key.getKeyID().equals(kid)).findFirst();
	}

	private record Loaded(List<ECKey> keys, Instant loadedAt) {
	}

}
