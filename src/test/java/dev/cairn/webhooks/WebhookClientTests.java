package dev.cairn.webhooks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client on its own, with no allow-list: every attempt checks the address it would
 * connect to, for names and for address literals alike.
 */
class WebhookClientTests {

	private final WebhookSettings strict = new WebhookSettings(List.of(Duration.ofSeconds(1)), List.of(),
			Duration.ofSeconds(1), Duration.ofSeconds(2), 4, 12, Duration.ofHours(24), 20);

	@Test
	void anAttemptToALoopbackAddressIsRefusedBeforeConnecting() {
		try (Receiver receiver = Receiver.start()) {
			WebhookClient client = new WebhookClient(this.strict, new AddressPolicy(List.of()));
			for (String url : List.of(receiver.url(), receiver.url().replace("127.0.0.1", "localhost"),
					receiver.url().replace("127.0.0.1", "[::1]"))) {
				WebhookClient.Outcome outcome = client.send(URI.create(url), Map.of(), "{}".getBytes());
				assertThat(outcome.status()).as(url).isNull();
				assertThat(outcome.error()).as(url).contains("may not reach");
			}
			client.destroy();
			assertThat(receiver.received()).isEmpty();
		}
	}

	@Test
	void aReceiverThatClosesEachConnectionGetsEveryAttempt() throws Exception {
		AtomicInteger answered = new AtomicInteger();
		try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			// An HTTP/1.0 receiver, as Python's http.server answers by default: it says
			// nothing about the connection and closes it after each answer.
			Thread.ofVirtual().start(() -> {
				while (!server.isClosed()) {
					try (Socket socket = server.accept()) {
						BufferedReader in = new BufferedReader(
								new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
						int length = 0;
						for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
							if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
								length = Integer.parseInt(line.substring(15).trim());
							}
						}
						in.skip(length);
						// Counted before the answer goes, so the client cannot
						// read the count first.
						answered.incrementAndGet();
						socket.getOutputStream()
							.write("HTTP/1.0 204 No Content\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
						socket.getOutputStream().flush();
					}
					catch (IOException ex) {
						// closed
					}
				}
			});
			WebhookClient client = new WebhookClient(this.strict, new AddressPolicy(List.of("127.0.0.1")));
			URI url = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/hook");
			for (int i = 0; i < 5; i++) {
				WebhookClient.Outcome outcome = client.send(url, Map.of(), "{}".getBytes());
				assertThat(outcome.status()).as("attempt %d: %s", i + 1, outcome.error()).isEqualTo(204);
			}
			client.destroy();
			assertThat(answered).hasValue(5);
		}
	}

}
