package dev.cairn.web;

import java.util.Arrays;
import java.util.List;

/**
 * The versions a change may apply to, as an {@code If-Match} header names them (RFC 9110
 * 13.1.1): any version when it was not sent (or is {@code *}), else one of the listed
 * entity tags ({@link ETags}). What services take instead of the header, so that a change
 * made without HTTP (an import, GraphQL) says the same thing.
 */
public record IfMatch(List<String> tags) {

	private static final IfMatch ANY = new IfMatch(null);

	public IfMatch {
		tags = (tags != null) ? List.copyOf(tags) : null;
	}

	/** No condition: the change applies to whatever version is current. */
	public static IfMatch any() {
		return ANY;
	}

	/** Only to this version. */
	public static IfMatch version(long version) {
		return new IfMatch(List.of(ETags.of(version)));
	}

	/**
	 * @param header the request's {@code If-Match}, or null when it sent none
	 */
	public static IfMatch header(String header) {
		if (header == null || header.isBlank() || header.strip().equals("*")) {
			return ANY;
		}
		return new IfMatch(Arrays.stream(header.split(",")).map(String::strip).toList());
	}

	/**
	 * @throws ETags.PreconditionFailed (412) when the current version is none of those
	 * named
	 */
	public void require(long current) {
		if (this.tags != null && !this.tags.contains(ETags.of(current))) {
			throw new ETags.PreconditionFailed();
		}
	}

}
