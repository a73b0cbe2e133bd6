package dev.cairn.webhooks;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookSecretTests {

	@Test
	void signsTheStandardWebhooksTestVector() {
		// The vector published with the Standard Webhooks reference libraries: what they
		// verify, we must produce byte for byte.
		WebhookSecret secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
		String signature = secret.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
				"{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
		assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void generatedSecretsAreWellFormedAndDistinct() {
		WebhookSecret one = WebhookSecret.generate();
		WebhookSecret two = WebhookSecret.generate();
		assertThat(one.value()).startsWith("whsec_").isNotEqualTo(two.value());
		assertThat(WebhookSecret.isWellFormed(one.value())).isTrue();
		assertThat(one.toString()).doesNotContain(one.value());
	}

	@Test
	void chosenSecretsMustBeLongEnoughBase64WithThePrefix() {
		assertThat(WebhookSecret.isWellFormed("whsec_c2hvcnQ=")).isFalse();
		assertThat(WebhookSecret.isWellFormed("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isFalse();
		assertThat(WebhookSecret.isWellFormed("whsec_not base64 at all, not at all!!")).isFalse();
		assertThat(WebhookSecret.isWellFormed(null)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSecret("whsec_"));
	}

}
