package dev.cairn.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cairn.testing.ApiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attacker tries at the edge, below the routes: methods nobody defined, paths and
 * headers Tomcat refuses itself, the error page by name, and a forged Host header. Each
 * gets the problem+json answer and the security headers every other error has, and
 * nothing of the request is reflected.
 */
class HardeningApiTests extends ApiTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Value("${cairn.public-url}")
	private String publicUrl;

	@Test
	void traceAndMethodsNobodyDefinedAre405WithTheSecurityHeadersAndEchoNothing() throws Exception {
		String token = this.users.signedIn().accessToken();
		for (String method : List.of("TRACE", "FOO", "PROPFIND", "TRACK")) {
			for (String credentials : new String[] { null, "Bearer " + token }) {
				HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/projects"))
					.method(method, HttpRequest.BodyPublishers.noBody())
					.header("X-Secret-Probe", "s3cr3t-value");
				if (credentials != null) {
					request.header("Authorization", credentials);
				}
				HttpResponse<String> response = HttpClient.newHttpClient()
					.send(request.build(), HttpResponse.BodyHandlers.ofString());

				assertThat(response.statusCode()).as(method).isEqualTo(405);
				assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
				assertThat(response.headers().firstValue("Allow")).hasValue("GET, POST");
				assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
				assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
				assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
				assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
				assertThat(response.body()).doesNotContain("s3cr3t-value", token);
				JsonNode problem = JSON.readTree(response.body());
				assertThat(problem.path("code").asString()).isEqualTo("method_not_allowed");
				assertThat(problem.path("requestId").asString())
					.isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
			}
		}
	}

	// JSON is UTF-8 (RFC 8259). Decoded from UTF-16, a NUL would pass a scan of bytes.
	@Test
	void aJsonBodyInAnotherCharsetIsRefused() throws Exception {
		String login = "{\"email\":\"a@b.c\\u0000\",\"password\":\"x\"}";
		for (String[] sent : new String[][] { { "application/json; charset=UTF-16LE", "UTF-16LE" },
				{ "application/json", "UTF-16LE" }, { "application/json", "UTF-32BE" },
				{ "application/json; charset=UTF-16", "UTF-16" }, { "application/json; charset=IBM037", "IBM037" },
				{ "application/json; charset=no-such-charset", "UTF-8" } }) {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(uri("/api/v1/auth/login"))
					.header("Content-Type", sent[0])
					.POST(HttpRequest.BodyPublishers.ofByteArray(login.getBytes(Charset.forName(sent[1]))))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(sent[0] + " in " + sent[1]).isEqualTo(415);
			assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("unsupported_media_type");
		}
		// UTF-8, said or not, is read.
		for (String type : List.of("application/json; charset=utf-8", "application/json; charset=UTF8")) {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(uri("/api/v1/auth/login"))
					.header("Content-Type", type)
					.POST(HttpRequest.BodyPublishers.ofString(login))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("validation_failed");
		}
	}

	@Test
	void theErrorPageAskedForByNameIsNotFound() throws Exception {
		for (String method : List.of("GET", "POST", "DELETE")) {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(uri("/error")).method(method, HttpRequest.BodyPublishers.noBody()).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(method).isEqualTo(404);
			assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("not_found");
		}
	}

	// Refused by Tomcat before any filter: the same problem body, not its HTML page.
	@Test
	void whatTomcatRefusesItselfIsAProblemToo() throws IOException {
		for (String request : List.of("GET /api/v1/tasks/by-key/AB%00 HTTP/1.1\r\nHost: localhost\r\n",
				"GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: abc\0def\r\n",
				"GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nIdempotency-Key: a\0b\r\n",
				// The docs' placeholder pasted as it is: curl sends the brackets raw.
				"GET /api/v1/projects?limit=20&cursor=<nextCursor> HTTP/1.1\r\nHost: localhost\r\n",
				"GET /api/v1/projects?q={x}|y HTTP/1.1\r\nHost: localhost\r\n")) {
			String response = raw(request);
			assertThat(response).as(request).startsWith("HTTP/1.1 400");
			assertThat(response).contains("Content-Type: application/problem+json");
			assertThat(body(response).path("code").asString()).isEqualTo("malformed_request");
			assertThat(response).doesNotContain("<html", "Tomcat");
			assertThat(body(response).path("requestId").asString()).isNotBlank();
		}
		// Headers beyond Tomcat's limit: its own status, with a code that says it.
		String tooLarge = raw("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n");
		assertThat(tooLarge).contains("Content-Type: application/problem+json").doesNotContain("<html");
		int status = Integer.parseInt(tooLarge.substring(9, 12));
		assertThat(body(tooLarge).path("status").asInt()).isEqualTo(status);
		assertThat(body(tooLarge).path("code").asString())
			.isEqualTo(status == 431 ? "headers_too_large" : "malformed_request");
	}

	@Test
	void theHostHeaderIsNeverReflectedInAuthenticationChallengesOrMetadata() throws IOException {
		String challenge = raw("GET /api/v1/me HTTP/1.1\r\nHost: evil.example\r\n");
		assertThat(challenge).startsWith("HTTP/1.1 401")
			.contains("WWW-Authenticate: Bearer resource_metadata=\"" + this.publicUrl
					+ "/.well-known/oauth-protected-resource\"")
			.doesNotContain("evil.example");

		String metadata = raw("GET /.well-known/oauth-protected-resource HTTP/1.1\r\nHost: evil.example\r\n");
		assertThat(metadata).startsWith("HTTP/1.1 200");
		JsonNode resource = body(metadata);
		assertThat(resource.path("resource").asString()).isEqualTo(this.publicUrl);
		// Cairn's tokens are bearer tokens; it must not claim to bind
		// them to certificates.
		assertThat(resource.has("tls_client_certificate_bound_access_tokens")).isFalse();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/**
	 * A request as bytes, for what no HTTP client would send; the whole response back.
	 */
	private String raw(String head) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			in.transferTo(response);
			return response.toString(StandardCharsets.UTF_8);
		}
	}

	private static JsonNode body(String response) {
		String body = response.substring(response.indexOf("\r\n\r\n") + 4);
		if (response.contains("Transfer-Encoding: chunked")) {
			body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
		}
		return JSON.readTree(body.strip());
	}

}
