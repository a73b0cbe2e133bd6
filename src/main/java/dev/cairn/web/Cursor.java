package dev.cairn.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import dev.cairn.platform.SecretBox;

import org.springframework.stereotype.Component;

/**
 * Opaque, tamper-evident keyset cursors: the sort values of the last row of a page,
 * base64url, with an HMAC so a client cannot forge a position (or smuggle values into a
 * query). The MAC covers the list too ({@link ListKey}: its kind and whose it is, such as
 * the project, and the filters that shape it), so a cursor of one list handed to another
 * (another project's tasks, another sort or filter) is refused (400) instead of being
 * read as a position in the wrong list. Valid on every node, since they share the key.
 */
@Component
public class Cursor {

	private static final String PURPOSE = "cairn.cursor.v1";

	private static final char SEPARATOR = '\u001f';

	private final SecretBox box;

	Cursor(SecretBox box) {
		this.box = box;
	}

	/**
	 * One page of {@code rows}, fetched with a limit of {@code limit + 1}: the extra row
	 * only tells that there is a next page, whose cursor holds the position of the last
	 * row kept.
	 * @param kind the list, for example the tasks of one project in one order
	 * @param position the sort values of a row
	 */
	public <T> Page<T> page(ListKey kind, List<T> rows, int limit, Function<T, List<String>> position) {
		List<T> items = rows.stream().limit(limit).toList();
		String next = (rows.size() > limit) ? encode(kind, position.apply(items.get(limit - 1))) : null;
		return new Page<>(items, next);
	}

	/** The id after which a list sorted by id continues, or null for the first page. */
	public UUID afterId(ListKey kind, String cursor) {
		return (cursor != null) ? UUID.fromString(decode(kind, cursor, 1).get(0)) : null;
	}

	public String encode(ListKey kind, List<String> values) {
		byte[] payload = String.join(String.valueOf(SEPARATOR), values).getBytes(StandardCharsets.UTF_8);
		byte[] signature = Arrays.copyOf(this.box.mac(PURPOSE + ":" + kind.value(), payload), 16);
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString(payload) + "." + base64.encodeToString(signature);
	}

	/**
	 * Reads a cursor of this kind of list.
	 * @param expected how many values the cursor must hold
	 * @throws InvalidInput naming the {@code cursor} parameter when the cursor was not
	 * made here for this kind of list, or was altered
	 */
	public List<String> decode(ListKey kind, String cursor, int expected) {
		try {
			String[] parts = cursor.split("\\.", -1);
			if (parts.length == 2 && cursor.length() <= 1024) {
				byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
				byte[] signature = Base64.getUrlDecoder().decode(parts[1]);
				byte[] expectedSignature = Arrays.copyOf(this.box.mac(PURPOSE + ":" + kind.value(), payload), 16);
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
		throw new InvalidInput("cursor", "is not a cursor this server handed out for this list");
	}

	/**
	 * Which list a cursor belongs to: its kind and everything that makes it that list
	 * (whose it is, its filters and order). Built with at least one scope, so that no
	 * list can forget to say whose it is.
	 */
	public record ListKey(String value) {

		public static ListKey of(String kind, Object scope, Object... more) {
			StringBuilder key = new StringBuilder(kind).append(SEPARATOR).append(scope);
			for (Object part : more) {
				key.append(SEPARATOR).append(part);
			}
			return new ListKey(key.toString());
		}

	}

}
