package dev.cairn.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a keyset-paginated list: {@code nextCursor} is null on the last page.
 */
public record Page<T>(List<T> items, String nextCursor) {

	/** The same page with its items turned into what the response shows. */
	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(this.items.stream().map(mapper).toList(), this.nextCursor);
	}

	/**
	 * The page as a 200 response, with {@code Link: <...>; rel="next"} when there is a
	 * next page.
	 * @param self the list's path and query (without the cursor), already encoded, for
	 * example built by
	 * {@code UriComponentsBuilder.fromPath("/api/v1/projects").queryParam("limit", 50)}
	 */
	public ResponseEntity<Page<T>> toResponse(UriComponentsBuilder self) {
		ResponseEntity.BodyBuilder response = ResponseEntity.ok();
		if (this.nextCursor != null) {
			String next = self.queryParam("cursor", this.nextCursor).build(true).toUriString();
			response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
		}
		return response.body(this);
	}

}
