package dev.cairn.webhooks;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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

}
