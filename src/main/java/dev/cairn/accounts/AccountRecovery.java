package dev.cairn.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.cairn.mail.Mail;
import dev.cairn.mail.Mailer;
import dev.cairn.platform.Ids;
import dev.cairn.platform.Secrets;
import dev.cairn.web.FieldError;
import dev.cairn.web.InvalidInput;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proving control of an email address: verification after registration, and password
 * reset. Tokens are single use, stored as hashes, short-lived, and travel in the URL
 * fragment of the mailed link, which browsers never send to a server or in a Referer.
 */
@Service
class AccountRecovery {

	static final Duration VERIFICATION_TTL = Duration.ofHours(24);

	static final Duration RESET_TTL = Duration.ofHours(1);

	private final OneTimeTokenRepository tokens;

	private final UserRepository users;

	private final PasswordHasher hasher;

	private final PasswordPolicy policy;

	private final Mailer mailer;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String publicUrl;

	AccountRecovery(OneTimeTokenRepository tokens, UserRepository users, PasswordHasher hasher, PasswordPolicy policy,
			Mailer mailer, ApplicationEventPublisher events, Clock clock,
			@Value("${cairn.public-url}") String publicUrl) {
		this.tokens = tokens;
		this.users = users;
		this.hasher = hasher;
		this.policy = policy;
		this.mailer = mailer;
		this.events = events;
		this.clock = clock;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	// In the registration's transaction: no account, no mail.
	@EventListener
	void registered(UserRegistered event) {
		String token = issue(event.userId(), OneTimeTokenRepository.Purpose.EMAIL_VERIFICATION, VERIFICATION_TTL);
		this.mailer.send(new Mail(event.email(), "Verify your email address for Cairn", """
				Welcome to Cairn.

				Confirm that this is your address by opening this link within 24 hours:

				%s/verify-email#token=%s

				If you did not sign up, ignore this message.
				""".formatted(this.publicUrl, token)));
	}

	@EventListener
	void registrationForExistingAccount(RegistrationForExistingAccount event) {
		this.mailer.send(new Mail(event.email(), "Someone tried to sign up to Cairn with your address", """
				Someone, perhaps you, tried to create a Cairn account with this address, which has one already.

				If it was you, sign in instead, or reset your password at %s/forgot-password.
				If it was not, you can ignore this message: nothing was changed.
				""".formatted(this.publicUrl)));
	}

	@Transactional
	void verifyEmail(String token) {
		UUID userId = this.tokens.spend(Secrets.hash(token), OneTimeTokenRepository.Purpose.EMAIL_VERIFICATION)
			.orElseThrow(InvalidLinkToken::new);
		this.users.markEmailVerified(userId);
	}

	/**
	 * Mails a reset link when the account exists and is active; says nothing either way.
	 */
	@Transactional
	void requestPasswordReset(String email) {
		this.users.findCredentials(email).filter((credentials) -> !credentials.disabled()).ifPresent((credentials) -> {
			String token = issue(credentials.id(), OneTimeTokenRepository.Purpose.PASSWORD_RESET, RESET_TTL);
			// To the stored address, never the typed one: lookups fold case (and
			// Unicode case folding maps lookalikes such as the dotted capital I
			// onto plain letters).
			this.mailer.send(new Mail(credentials.email(), "Reset your Cairn password", """
					Someone, hopefully you, asked to reset the password of your Cairn account.

					Choose a new password by opening this link within one hour:

					%s/reset-password#token=%s

					If you did not ask for this, ignore this message: your password stays as it is.
					""".formatted(this.publicUrl, token)));
		});
	}

	/** Sets a new password and ends every session of the account. */
	@Transactional
	void resetPassword(String token, String newPassword) {
		UUID userId = this.tokens.spend(Secrets.hash(token), OneTimeTokenRepository.Purpose.PASSWORD_RESET)
			.orElseThrow(InvalidLinkToken::new);
		String email = this.users.findMe(userId).orElseThrow(InvalidLinkToken::new).email();
		List<FieldError> errors = this.policy.check("newPassword", newPassword, email);
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors); // rolls back: the link can be used again with
											// a better password
		}
		this.users.updatePasswordHash(userId, this.hasher.hash(newPassword));
		this.users.markEmailVerified(userId); // the mailbox was just proven
		this.events.publishEvent(new PasswordChanged(userId, true));
	}

	private String issue(UUID userId, OneTimeTokenRepository.Purpose purpose, Duration ttl) {
		this.tokens.invalidateUnused(userId, purpose);
		String token = Secrets.generate("");
		this.tokens.insert(Ids.newId(), userId, purpose, Secrets.hash(token), this.clock.instant().plus(ttl));
		return token;
	}

}
