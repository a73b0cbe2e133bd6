package dev.cairn.auth;

import java.util.List;
import java.util.Map;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.QuietLogs;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every authentication flow with web and security logging at DEBUG and proves that
 * no password, token, reset link or Authorization header reached the log.
 */
@IntegrationTest
@AutoConfigureRestTestClient
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "logging.level.root=info", "logging.level.org.springframework.web=DEBUG",
		"logging.level.org.springframework.security=DEBUG", "logging.level.dev.cairn=DEBUG",
		// The test's own HTTP client logs what it sends; only the server's log
		// is under test.
		"logging.level.org.springframework.web.client=INFO" })
class SecretsInLogsTests {

	/**
	 * Logback's levels are the JVM's, not the context's: left at DEBUG, every later test
	 * class in this JVM would log framework debug lines, request bodies included.
	 */
	@BeforeAll
	static void loudAsInProduction() {
		QuietLogs.asInProduction();
	}

	@AfterAll
	static void quietAgain() {
		QuietLogs.restore();
	}

	@Autowired
	private RestTestClient client;

	@Test
	void noSecretReachesTheLog(CapturedOutput output) {
		SignedIn user = Accounts.signUp(this.client);
		String wrongPassword = "wrong-passphrase-" + System.nanoTime();
		post("/api/v1/auth/login", Map.of("email", user.email(), "password", wrongPassword), null);
		Map<?, ?> refreshed = post("/api/v1/auth/refresh", Map.of("refreshToken", user.refreshToken()), null);
		// A reuse: logged as a warning.
		post("/api/v1/auth/refresh", Map.of("refreshToken", user.refreshToken()), null);
		String pat = (String) post("/api/v1/me/tokens", Map.of("name", "log test", "scopes", List.of("read")),
				user.bearer())
			.get("token");
		this.client.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + pat).exchange();
		this.client.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + pat + "x").exchange();
		post("/api/v1/auth/password/forgot", Map.of("email", user.email()), null);
		post("/api/v1/me/password",
				Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "the next long passphrase"), user.bearer());

		String log = output.getAll();
		assertThat(log).contains("Refresh token reuse").contains("Reset your Cairn password");
		assertThat(log).doesNotContain(Accounts.PASSWORD, wrongPassword, "the next long passphrase", user.accessToken(),
				user.refreshToken(), (String) refreshed.get("refreshToken"), pat, "cairn_pat_", "cairn_rt_", "#token=",
				"Bearer ey");
		assertThat(log.toLowerCase()).doesNotContain("authorization:");
	}

	private Map<?, ?> post(String path, Object body, String authorization) {
		var request = this.client.post().uri(path).contentType(MediaType.APPLICATION_JSON);
		if (authorization != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, authorization);
		}
		return request.body(body).exchange().expectBody(Map.class).returnResult().getResponseBody();
	}

}
