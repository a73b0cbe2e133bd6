package dev.cairn.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.cairn.platform.Ids;
import dev.cairn.web.FieldError;
import dev.cairn.web.InvalidInput;
import dev.cairn.web.Patch;
import dev.cairn.web.Throttle;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: registration, password sign-in, the caller's own account and profile.
 */
@Service
public class Accounts {

	private final UserRepository users;

	private final PasswordHasher hasher;

	private final PasswordPolicy policy;

	private final ApplicationEventPublisher events;

	private final IdentityRepository identities;

	private final Throttle throttle;

	// Checked against when the email is unknown, so that case costs the same hash work.
	// Made just after start-up, off the start-up path, where one Argon2 hash is a tenth
	// of a second; a sign-in before it is ready makes it (two racing ones make one each,
	// which is harmless).
	private volatile String decoyHash;

	Accounts(UserRepository users, PasswordHasher hasher, PasswordPolicy policy, ApplicationEventPublisher events,
			IdentityRepository identities, Throttle throttle) {
		this.users = users;
		this.hasher = hasher;
		this.policy = policy;
		this.events = events;
		this.identities = identities;
		this.throttle = throttle;
	}

	/**
	 * Registers an account. An email that already has one gets the same kind of answer,
	 * after the same work, and nothing changes: registration does not reveal accounts.
	 */
	@Transactional
	public RegisteredUser register(String email, String password, String displayName) {
		List<FieldError> errors = this.policy.check("password", password, email);
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		String trimmedName = displayName.strip();
		UUID id = Ids.newId();
		boolean created = this.users.insertIfEmailFree(id, email, trimmedName, this.hasher.hash(password));
		if (created) {
			this.events.publishEvent(new UserRegistered(id, email));
		}
		else {
			this.events.publishEvent(new RegistrationForExistingAccount(email));
		}
		return new RegisteredUser(id, email, trimmedName, false, Instant.now());
	}

	/**
	 * @return the id of the active account with this email and password
	 * @throws InvalidCredentials for a wrong password, an unknown email or a disabled
	 * account alike, after the same amount of work
	 */
	@Transactional
	public UUID authenticate(String email, String password) {
		var credentials = this.users.findCredentials(email);
		String hash = credentials.map(UserRepository.Credentials::passwordHash).orElse(null);
		boolean matches = this.hasher.matches(password, (hash != null) ? hash : decoyHash()) && hash != null;
		if (!matches || credentials.get().disabled()) {
			throw new InvalidCredentials();
		}
		UUID id = credentials.get().id();
		if (this.hasher.needsRehash(hash)) {
			this.users.updatePasswordHash(id, this.hasher.hash(password));
		}
		return id;
	}

	/**
	 * Signs in with an OpenID Connect provider: the account already linked to this
	 * identity; else the account with the same email, linked now, but only when the
	 * provider vouches for the address; else a new account without a password.
	 * @return the account, which is active
	 */
	@Transactional
	public UUID signInWithProvider(ProviderIdentity identity) {
		var linked = this.identities.findUser(identity.provider(), identity.subject());
		if (linked.isPresent()) {
			if (!isActive(linked.get())) {
				throw new ProviderSignInRefused("This account is disabled.");
			}
			return linked.get();
		}
		if (identity.email() == null || identity.email().isBlank()) {
			throw new ProviderSignInRefused("The provider did not share an email address.");
		}
		var existing = this.users.findCredentials(identity.email());
		if (existing.isPresent()) {
			// Linking on an unverified address would let anyone who can type it at the
			// provider take over the Cairn account.
			if (!identity.emailVerified() || existing.get().disabled()) {
				throw new ProviderSignInRefused(
						"An account with this email exists; sign in with its password, or verify the address at the provider.");
			}
			this.identities.link(identity.provider(), identity.subject(), existing.get().id(), identity.email());
			return existing.get().id();
		}
		UUID id = Ids.newId();
		String name = (identity.name() != null && !identity.name().isBlank()) ? identity.name().strip()
				: identity.email().substring(0, identity.email().indexOf('@'));
		if (!this.users.insertIfEmailFree(id, identity.email(), name.substring(0, Math.min(100, name.length())),
				null)) {
			throw new ProviderSignInRefused("An account with this email was just created; try again.");
		}
		if (identity.emailVerified()) {
			this.users.markEmailVerified(id);
		}
		this.identities.link(identity.provider(), identity.subject(), id, identity.email());
		return id;
	}

	/** Whether the account exists and may still sign in (refresh checks this). */
	public boolean isActive(UUID userId) {
		return this.users.findCredentials(userId).map((credentials) -> !credentials.disabled()).orElse(false);
	}

	public Me me(UUID userId) {
		return this.users.findMe(userId).orElseThrow(UserNotFound::new);
	}

	/**
	 * Changes the caller's own name and profile.
	 * @throws UserNotFound when the account is gone
	 */
	@Transactional
	public Me updateProfile(UUID userId, ProfilePatch patch) {
		if (patch.displayName() instanceof Patch.Set<String> name) {
			this.users.updateDisplayName(userId, name.value());
		}
		this.users.updateProfile(userId, patch);
		return me(userId);
	}

	/**
	 * Confirms a sensitive change (turning off two-factor sign-in) with the password.
	 * @throws WrongPassword when it does not match
	 */
	public void confirmPassword(UUID userId, String password) {
		this.throttle.attempt(Throttle.Rule.PASSWORD_CHECK_ACCOUNT, userId.toString());
		var credentials = this.users.findCredentials(userId).orElseThrow(UserNotFound::new);
		if (credentials.passwordHash() == null || !this.hasher.matches(password, credentials.passwordHash())) {
			throw new WrongPassword();
		}
	}

	/** Changes the password and ends every session of the account. */
	@Transactional
	public void changePassword(UUID userId, String currentPassword, String newPassword) {
		confirmPassword(userId, currentPassword);
		List<FieldError> errors = this.policy.check("newPassword", newPassword, me(userId).email());
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		this.users.updatePasswordHash(userId, this.hasher.hash(newPassword));
		this.events.publishEvent(new PasswordChanged(userId, false));
	}

	@EventListener(ApplicationReadyEvent.class)
	void prepareDecoyHash() {
		Thread.ofVirtual().name("decoy-hash").start(this::decoyHash);
	}

	private String decoyHash() {
		String decoy = this.decoyHash;
		if (decoy == null) {
			decoy = this.hasher.hash(UUID.randomUUID().toString());
			this.decoyHash = decoy;
		}
		return decoy;
	}

}
