package dev.cairn.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Entity tags from a row's {@code version}: strong, quoted ({@code "7"}), so
 * {@code If-Match} can guard an update against a lost write (RFC 9110 section 13.1).
 */
public final class ETags {

	private ETags() {
	}

	public static String of(long version) {
		return "\"" + version + "\"";
	}

	/** Whether {@code If-None-Match} names the current version (answer 304). */
	static boolean notModified(String ifNoneMatch, long version) {
		if (ifNoneMatch == null) {
			return false;
		}
		for (String tag : ifNoneMatch.split(",")) {
			String stripped = tag.strip();
			if (stripped.equals("*") || stripped.equals(of(version)) || stripped.equals("W/" + of(version))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A read of a single resource: 304 without a body when {@code If-None-Match} names
	 * its current version, else 200 with it; both carry the ETag.
	 */
	public static <T> ResponseEntity<T> read(T body, long version, String ifNoneMatch) {
		if (notModified(ifNoneMatch, version)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(of(version)).build();
		}
		return ResponseEntity.ok().eTag(of(version)).body(body);
	}

	/** The resource changed since the client read it. */
	static class PreconditionFailed extends ApiException {

		PreconditionFailed() {
			super(ErrorCode.PRECONDITION_FAILED,
					"The resource has changed since you read it (If-Match); read it again and retry.");
		}

	}

}
