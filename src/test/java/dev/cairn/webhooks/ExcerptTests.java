package dev.cairn.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExcerptTests {

	@Test
	void aCutMultiByteCharacterIsDropped() {
		byte[] body = "é".repeat(2048).getBytes(StandardCharsets.UTF_8); // 4096 bytes
		byte[] cut = Arrays.copyOf(body, 4095);
		assertThat(WebhookClient.Utf8.truncate(cut)).isEqualTo("é".repeat(2047));
	}

	@Test
	void undecodableBytesStayWithinFourKibibytesAndNulIsRemoved() {
		byte[] garbage = new byte[4096];
		Arrays.fill(garbage, (byte) 0xff);
		garbage[0] = 0;
		String text = WebhookClient.Utf8.truncate(garbage);
		assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
		assertThat(text).doesNotContain("\u0000");
	}

}
