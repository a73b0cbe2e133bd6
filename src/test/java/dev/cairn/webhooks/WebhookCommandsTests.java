package dev.cairn.webhooks;

import java.util.List;

import dev.cairn.web.FieldError;
import dev.cairn.web.InvalidInput;
import dev.cairn.web.Patch;
import dev.cairn.webhooks.WebhookCommands.CreateWebhook;
import dev.cairn.webhooks.WebhookCommands.WebhookPatch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shape of a webhook command, checked when it is built, whichever face builds it.
 */
class WebhookCommandsTests {

	private static final String URL = "https://example.com/hooks";

	@Test
	void eventsAreKeptStrippedAndWithoutRepeats() {
		CreateWebhook command = new CreateWebhook(URL, List.of(" task.* ", "task.*", "comment.created"), null);
		assertThat(command.events()).containsExactly("task.*", "comment.created");
		WebhookPatch patch = new WebhookPatch(Patch.absent(), Patch.of(List.of("*", " * ")), Patch.absent());
		assertThat(patch.events().applyTo(List.of())).containsExactly("*");
	}

	@Test
	void theFirstEntryThatIsNoEventTypeIsNamed() {
		assertThatThrownBy(() -> new CreateWebhook(URL, List.of("task.created", "task.exploded", "nope"), null))
			.isInstanceOfSatisfying(InvalidInput.class,
					(ex) -> assertThat(ex.errors()).extracting(FieldError::field, FieldError::message)
						.containsExactly(org.assertj.core.groups.Tuple.tuple("events",
								"'task.exploded' is not an event type: use a type such as task.created, all of a"
										+ " resource such as task.*, or *")));
	}

	@Test
	void everyBrokenRuleOfANewWebhookIsListed() {
		assertThatThrownBy(() -> new CreateWebhook(" ", List.of(), "whsec_short"))
			.isInstanceOfSatisfying(InvalidInput.class, (ex) -> assertThat(ex.errors()).extracting(FieldError::field)
				.containsExactly("url", "events", "secret"));
	}

	@Test
	void noFieldOfAWebhookCanBeCleared() {
		assertThatThrownBy(() -> new WebhookPatch(Patch.cleared(), Patch.cleared(), Patch.cleared()))
			.isInstanceOfSatisfying(InvalidInput.class, (ex) -> assertThat(ex.errors()).extracting(FieldError::field)
				.containsExactly("url", "events", "enabled"));
	}

	@Test
	void theUrlAndSecretStayOutOfTheTextOfACommand() {
		String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
		CreateWebhook command = new CreateWebhook(URL + "?token=hush", List.of("*"), secret);
		assertThat(command.toString()).doesNotContain("hush").doesNotContain(secret);
	}

}
