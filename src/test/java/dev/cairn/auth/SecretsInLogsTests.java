package dev.cairn.auth;

import java.util.List;
import java.util.Map;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import dev.cairn.testing.LogsAsInProduction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every authentication flow with web and security logging at DEBUG and proves that
 * no password, token, reset link or Authorization header reached the log.
 */
@ExtendWith(OutputCaptureExtension.class)
// Logback's levels are the JVM's, not the context's: they are put back after the class,
// else every later test class would log framework debug lines, request bodies included.
// The test's own HTTP client logs what it sends (web.client at INFO): only the server's
// log is under test.
@LogsAsInProduction({ "org.springframework.web=DEBUG", "org.springframework.security=DEBUG", "dev.cairn=DEBUG",
		"org.springframework.web.client=INFO" })
@Isolated
class SecretsInLogsTests extends ApiTestSupport {

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
