package dev.cairn.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.MailApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verification and reset mail, through a real SMTP server (GreenMail).
 */
class AccountRecoveryApiTests extends MailApiTestSupport {

	private static final Pattern TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]+)");

	@Test
	void registrationMailsAVerificationLinkThatWorksOnce() {
		SignedIn user = Accounts.signUp(this.client);
		Message mail = awaitMailTo(user.email(), "Verify your email address for Cairn");
		String body = GreenMailUtil.getBody(mail);
		assertThat(body).contains("https://cairn.example.com/verify-email#token=");

		post("/api/v1/auth/email/verify", Map.of("token", token(body))).expectStatus().isNoContent();
		this.client.get()
			.uri("/api/v1/me")
			.header(HttpHeaders.AUTHORIZATION, user.bearer())
			.exchange()
			.expectBody()
			.jsonPath("$.emailVerified")
			.isEqualTo(true);
		post("/api/v1/auth/email/verify", Map.of("token", token(body))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("invalid_link_token");
	}

	@Test
	void registeringATakenAddressTellsItsOwnerNotTheCaller() {
		SignedIn owner = Accounts.signUp(this.client);
		post("/api/v1/auth/register",
				Map.of("email", owner.email(), "password", "some other passphrase", "displayName", "Someone"))
			.expectStatus()
			.isCreated();
		assertThat(GreenMailUtil
			.getBody(awaitMailTo(owner.email(), "Someone tried to sign up to Cairn with your address")))
			.contains("nothing was changed")
			.doesNotContain("#token=");
	}

	@Test
	void forgotPasswordAnswersTheSameForEveryAddressAndMailsOnlyAccounts() {
		SignedIn user = Accounts.signUp(this.client);
		String stranger = Accounts.uniqueEmail();
		post("/api/v1/auth/password/forgot", Map.of("email", stranger)).expectStatus()
			.isAccepted()
			.expectBody()
			.isEmpty();
		post("/api/v1/auth/password/forgot", Map.of("email", user.email())).expectStatus()
			.isAccepted()
			.expectBody()
			.isEmpty();

		awaitMailTo(user.email(), "Reset your Cairn password");
		assertThat(mailTo(stranger, "Reset your Cairn password")).isEmpty();
	}

	@Test
	void theResetLinkGoesToTheStoredAddressNotTheTypedOne() {
		SignedIn user = Accounts.signUp(this.client);
		String typed = user.email().toUpperCase();
		post("/api/v1/auth/password/forgot", Map.of("email", typed)).expectStatus().isAccepted();
		awaitMailTo(user.email(), "Reset your Cairn password");
		assertThat(Arrays.stream(smtp.getReceivedMessages()).map(AccountRecoveryApiTests::recipient))
			.doesNotContain(typed);
	}

	@Test
	void aResetLinkSetsANewPasswordOnceAndEndsEverySession() {
		SignedIn user = Accounts.signUp(this.client);
		String pat = (String) this.client.post()
			.uri("/api/v1/me/tokens")
			.header(HttpHeaders.AUTHORIZATION, user.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "script", "scopes", java.util.List.of("read")))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("token");
		post("/api/v1/auth/password/forgot", Map.of("email", user.email())).expectStatus().isAccepted();
		String token = token(GreenMailUtil.getBody(awaitMailTo(user.email(), "Reset your Cairn password")));

		// A weak password is refused and the link stays usable.
		post("/api/v1/auth/password/reset", Map.of("token", token, "newPassword", "password")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("newPassword");
		post("/api/v1/auth/password/reset", Map.of("token", token, "newPassword", "a completely new passphrase"))
			.expectStatus()
			.isNoContent();

		post("/api/v1/auth/refresh", Map.of("refreshToken", user.refreshToken())).expectStatus().isUnauthorized();
		// A reset may follow a compromise: personal access tokens are revoked too.
		this.client.get()
			.uri("/api/v1/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + pat)
			.exchange()
			.expectStatus()
			.isUnauthorized();
		Accounts.signIn(this.client, user.email(), "a completely new passphrase");
		post("/api/v1/auth/password/reset", Map.of("token", token, "newPassword", "yet another passphrase"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("invalid_link_token");
	}

	@Test
	void anExpiredResetLinkIsRefused() {
		SignedIn user = Accounts.signUp(this.client);
		post("/api/v1/auth/password/forgot", Map.of("email", user.email())).expectStatus().isAccepted();
		String token = token(GreenMailUtil.getBody(awaitMailTo(user.email(), "Reset your Cairn password")));
		this.jdbc.sql("UPDATE one_time_tokens SET expires_at = now() - interval '1 second' WHERE user_id = :id")
			.param("id", user.userId())
			.update();

		post("/api/v1/auth/password/reset", Map.of("token", token, "newPassword", "a completely new passphrase"))
			.expectStatus()
			.isBadRequest();
		Accounts.signIn(this.client, user.email(), Accounts.PASSWORD);
	}

	private RestTestClient.ResponseSpec post(String path, Object body) {
		return this.client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	private static String token(String body) {
		Matcher matcher = TOKEN.matcher(body);
		assertThat(matcher.find()).as("a token link in %s", body).isTrue();
		return matcher.group(1);
	}

	private static Message awaitMailTo(String recipient, String subject) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
		while (Instant.now().isBefore(deadline)) {
			Optional<Message> found = mailTo(recipient, subject);
			if (found.isPresent()) {
				return found.get();
			}
			smtp.waitForIncomingEmail(200, smtp.getReceivedMessages().length + 1);
		}
		throw new AssertionError("No mail '" + subject + "' to " + recipient);
	}

	private static String recipient(Message message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Optional<Message> mailTo(String recipient, String subject) {
		return Arrays.stream(smtp.getReceivedMessages()).map(Message.class::cast).filter((message) -> {
			try {
				return subject.equals(message.getSubject())
						&& message.getAllRecipients()[0].toString().equalsIgnoreCase(recipient);
			}
			catch (MessagingException ex) {
				return false;
			}
		}).findFirst();
	}

}
