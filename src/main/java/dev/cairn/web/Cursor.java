package dev.cairn.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import dev.cairn.platform.SecretBox;

import org.springframework.stereotype.Component;

/**
 * Opaque, tamper-evident keyset cursors: the sort values of the last row of a page,
 * base64url, with an HMAC so a client cannot forge a position (or smuggle values into a
 * query). Valid on every node, since they share the key.
 */
@Component
public class Cursor {

	private static final String PURPOSE = "cairn.cursor.v1";

	private static final char SEPARATOR = '\u001f';

	private final SecretBox box;

	Cursor(SecretBox box) {
		this.box = box;
	}

	public String encode(List<String> values) {
		byte[] payload = String.join(String.valueOf(SEPARATOR), values).getBytes(StandardCharsets.UTF_8);
		byte[] signature = Arrays.copyOf(this.box.mac(PURPOSE, payload), 16);
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString(payload) + "." + base64.encodeToString(signature);
	}

	/**
	 * @param field the request parameter, named in the error
	 * @param expected how many values the cursor must hold
	 * @throws InvalidInput when the cursor was not made here or was altered
	 */
	public List<String> decode(String field, String cursor, int expected) {
		try {
			String[] parts = cursor.split("\\.", -1);
			if (parts.length == 2 && cursor.length() <= 1024) {
				byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
				byte[] signature = Base64.getUrlDecoder().decode(parts[1]);
				byte[] expectedSignature = Arrays.copyOf(this.box.mac(PURPOSE, payload), 16);
				if (MessageDigest.isEqual(signature, expectedSignature)) {
					List<String> values = List
						.of(new String(payload, StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1));
					if (values.size() == expected) {
						return values;
					}
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw new InvalidInput(field, "is not a cursor this server handed out");
	}

}
