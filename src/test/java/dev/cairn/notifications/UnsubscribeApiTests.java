package dev.cairn.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.cairn.platform.SecretBox;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unsubscribe link of a mail: fresh, it works for anyone who holds it; expired (or of
 * the first version, which never expired), only for its owner signed in, and anyone else
 * learns what to do instead. And the page the mail's footer opens.
 */
class UnsubscribeApiTests extends ApiTestSupport {

	private static final String UNSUBSCRIBE = "/api/v1/notifications/unsubscribe";

	private static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; "
			+ "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'";

	@Autowired
	private ApplicationContext context;

	@Autowired
	private SecretBox box;

	@Test
	void aFreshLinkWorksWithoutSignIn() {
		SignedIn user = this.users.signedIn();
		String token = NotificationFixtures.unsubscribeToken(this.context, user.userId(), "commented",
				Instant.now().minus(Duration.ofDays(179)));

		post(token, null).expectStatus().isNoContent();

		assertThat(emailed(user, "commented")).isFalse();
	}

	@Test
	void anExpiredOrFirstVersionLinkAsksToSignInAndChangesNothing() {
		SignedIn user = this.users.signedIn();
		SignedIn other = this.users.signedIn();
		String expired = NotificationFixtures.unsubscribeToken(this.context, user.userId(), "commented",
				Instant.now().minus(Duration.ofDays(181)));
		String firstVersion = NotificationFixtures.firstVersionUnsubscribeToken(this.box, user.userId(), "assigned");

		for (String token : new String[] { expired, firstVersion }) {
			for (SignedIn caller : new SignedIn[] { null, other }) {
				post(token, caller).expectStatus()
					.isEqualTo(410)
					.expectHeader()
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.expectBody()
					.jsonPath("$.code")
					.isEqualTo("unsubscribe_link_expired")
					.jsonPath("$.detail")
					.isEqualTo("This unsubscribe link has expired. Sign in to Cairn and turn these emails off in "
							+ "your notification settings.");
			}
		}

		assertThat(emailed(user, "commented")).isTrue();
		assertThat(emailed(user, "assigned")).isTrue();
	}

	@Test
	void anExpiredOrFirstVersionLinkWorksForItsOwnerSignedIn() {
		SignedIn user = this.users.signedIn();
		String expired = NotificationFixtures.unsubscribeToken(this.context, user.userId(), "commented",
				Instant.now().minus(Duration.ofDays(400)));
		String firstVersion = NotificationFixtures.firstVersionUnsubscribeToken(this.box, user.userId(), "assigned");

		post(expired, user).expectStatus().isNoContent();
		post(firstVersion, user).expectStatus().isNoContent();

		assertThat(emailed(user, "commented")).isFalse();
		assertThat(emailed(user, "assigned")).isFalse();
		assertThat(emailed(user, "mentioned")).isTrue();
	}

	@Test
	void theLinkInAMailOpensAPageThatAsksBeforeItPosts() {
		this.client.get()
			.uri("/unsubscribe")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/html;charset=UTF-8")
			.expectHeader()
			.valueEquals("Content-Security-Policy", PAGE_POLICY)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody(String.class)
			.value((html) -> assertThat(html)
				.contains("<html lang=\"en\">", "<h1>Stop these emails?</h1>",
						"<script src=\"unsubscribe.js\" defer></script>", "role=\"status\"")
				// The policy allows no inline script or style: there must be none.
				.doesNotContainPattern("<script>|<style|style=|\\son[a-z]+="));
		this.client.get()
			.uri("/unsubscribe.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/javascript;charset=UTF-8")
			.expectBody(String.class)
			.value((script) -> assertThat(script)
				.contains("\"api/v1/notifications/unsubscribe\"", "unsubscribe_link_expired", "textContent")
				.doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("));
	}

	@Test
	void everythingButThePageKeepsTheStrictPolicy() {
		SignedIn user = this.users.signedIn();
		this.client.get()
			.uri("/api/v1/me")
			.header(HttpHeaders.AUTHORIZATION, user.bearer())
			.exchange()
			.expectHeader()
			.valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
		// Only GET opens the page; anything else is an API call like any other.
		this.client.post()
			.uri("/unsubscribe")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
	}

	private RestTestClient.ResponseSpec post(String token, SignedIn caller) {
		RestTestClient.RequestBodySpec request = this.client.method(HttpMethod.POST)
			.uri(UNSUBSCRIBE)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED);
		if (caller != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, caller.bearer());
		}
		return request.body("token=" + token).exchange();
	}

	private boolean emailed(SignedIn user, String kind) {
		Map<?, ?> preferences = this.api.call(user, HttpMethod.GET, "/api/v1/me/notifications", null)
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return Boolean.TRUE.equals(((Map<?, ?>) preferences.get("email")).get(kind));
	}

}
