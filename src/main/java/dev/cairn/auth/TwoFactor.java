package dev.cairn.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;

import dev.cairn.accounts.Accounts;
import dev.cairn.platform.Ids;
import dev.cairn.platform.SecretBox;
import dev.cairn.platform.Secrets;
import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;
import dev.cairn.web.Throttle;
import org.apache.commons.codec.binary.Base32;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor sign-in with TOTP. Enrolment takes two steps (a secret, then a correct code
 * from the app) and ends with ten single-use recovery codes, shown once. Sign-in with a
 * password then yields a short-lived challenge that a code or a recovery code completes.
 */
@Service
class TwoFactor {

	static final int RECOVERY_CODES = 10;

	static final Duration CHALLENGE_TTL = Duration.ofMinutes(5);

	static final int MAX_FAILED_ATTEMPTS = 5;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final TwoFactorRepository repository;

	private final SecretBox box;

	private final Accounts accounts;

	private final Clock clock;

	private final Throttle throttle;

	TwoFactor(TwoFactorRepository repository, SecretBox box, Accounts accounts, Clock clock, Throttle throttle) {
		this.repository = repository;
		this.box = box;
		this.accounts = accounts;
		this.clock = clock;
		this.throttle = throttle;
	}

	@Transactional
	Enrolment enroll(UUID userId) {
		if (this.repository.isConfirmed(userId)) {
			throw new Problem(ErrorCode.TWO_FACTOR_ALREADY_ON, "Two-factor sign-in is already on; turn it off first.");
		}
		byte[] secret = Totp.newSecret();
		this.repository.upsertPending(userId, this.box.seal(secret));
		return new Enrolment(Totp.base32(secret), Totp.otpauthUri(secret, "Cairn", this.accounts.me(userId).email()));
	}

	/**
	 * @return the recovery codes, shown to the user this once
	 */
	@Transactional
	List<String> confirm(UUID userId, String password, String code) {
		// A stolen session alone must not be able to lock the owner out with
		// its own authenticator.
		this.accounts.confirmPassword(userId, password);
		var stored = this.repository.findForUpdate(userId)
			.filter((totp) -> !totp.confirmed())
			.orElseThrow(() -> new Problem(ErrorCode.TWO_FACTOR_NOT_STARTED,
					"Start enrolment first (POST /api/v1/me/2fa/totp)."));
		OptionalLong step = Totp.verify(this.box.open(stored.secretEncrypted()), code, this.clock.instant(), null);
		if (step.isEmpty()) {
			throw new Problem(ErrorCode.WRONG_CODE, "The code is wrong or has expired; try the current one.");
		}
		this.repository.confirm(userId, step.getAsLong());
		return newRecoveryCodes(userId);
	}

	@Transactional
	void disable(UUID userId, String password, String code) {
		this.accounts.confirmPassword(userId, password);
		if (!checkSecondFactor(userId, code, null)) {
			throw new Problem(ErrorCode.WRONG_CODE, "The code is wrong.");
		}
		this.repository.delete(userId);
	}

	boolean isEnabled(UUID userId) {
		return this.repository.isConfirmed(userId);
	}

	/** After a correct password: the token that the second step must present. */
	@Transactional
	String challenge(UUID userId) {
		String token = Secrets.generate("cairn_mfa_");
		this.repository.insertChallenge(Ids.newId(), userId, Secrets.hash(token),
				this.clock.instant().plus(CHALLENGE_TTL));
		return token;
	}

	/**
	 * Completes a challenge with a TOTP code or a recovery code.
	 * @return the user who is now signed in
	 */
	@Transactional(noRollbackFor = Problem.class)
	UUID complete(String challengeToken, String code, String recoveryCode) {
		var challenge = this.repository.findChallengeForUpdate(Secrets.hash(challengeToken))
			.filter((found) -> found.expiresAt().isAfter(this.clock.instant()))
			.filter((found) -> found.failedAttempts() < MAX_FAILED_ATTEMPTS)
			.orElseThrow(() -> new Problem(ErrorCode.INVALID_SECOND_FACTOR,
					"The sign-in challenge is invalid or has expired; sign in again."));
		// Each challenge allows few tries, and new challenges only need the password: the
		// account's budget across challenges is what stops guessing.
		this.throttle.attempt(Throttle.Rule.SECOND_FACTOR_ACCOUNT, challenge.userId().toString());
		if (!checkSecondFactor(challenge.userId(), code, recoveryCode)) {
			this.repository.recordFailure(challenge.id());
			throw new Problem(ErrorCode.INVALID_SECOND_FACTOR, "The code is wrong.");
		}
		this.repository.deleteChallenge(challenge.id());
		return challenge.userId();
	}

	private boolean checkSecondFactor(UUID userId, String code, String recoveryCode) {
		if (recoveryCode != null) {
			return this.repository.spendRecoveryCode(userId, Secrets.hash(normalize(recoveryCode)));
		}
		var stored = this.repository.findForUpdate(userId).filter(TwoFactorRepository.StoredTotp::confirmed);
		if (stored.isEmpty()) {
			return false;
		}
		OptionalLong step = Totp.verify(this.box.open(stored.get().secretEncrypted()), code, this.clock.instant(),
				stored.get().lastUsedStep());
		step.ifPresent((accepted) -> this.repository.markStepUsed(userId, accepted));
		return step.isPresent();
	}

	private List<String> newRecoveryCodes(UUID userId) {
		List<String> codes = new ArrayList<>();
		List<UUID> ids = new ArrayList<>();
		List<byte[]> hashes = new ArrayList<>();
		Base32 base32 = new Base32();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			byte[] random = new byte[10]; // 80 bits
			RANDOM.nextBytes(random);
			String raw = base32.encodeAsString(random).toLowerCase(Locale.ROOT);
			codes.add(String.join("-", raw.substring(0, 4), raw.substring(4, 8), raw.substring(8, 12),
					raw.substring(12, 16)));
			ids.add(Ids.newId());
			hashes.add(Secrets.hash(normalize(raw)));
		}
		this.repository.replaceRecoveryCodes(userId, ids, hashes);
		return codes;
	}

	private static String normalize(String recoveryCode) {
		return recoveryCode.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
	}

	record Enrolment(String secret, String otpauthUri) {

		@Override
		public String toString() {
			return "Enrolment[(redacted)]";
		}

	}

	static class Problem extends ApiException {

		Problem(ErrorCode code, String detail) {
			super(code, detail);
		}

	}

}
