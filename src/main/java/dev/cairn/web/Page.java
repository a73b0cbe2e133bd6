package dev.cairn.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;
import org.springframework.web.util.UrlPathHelper;

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
	 * next page: the request again, with its parameters as sent (in their order, each
	 * encoded as a form value, so that a '+' or a '{' in a filter comes back as itself)
	 * and the next cursor in place of its own. A parameter left out stays left out, so
	 * its default applies on the next page as on this one.
	 * @param request the request that asked for this page
	 */
	public ResponseEntity<Page<T>> toResponse(HttpServletRequest request) {
		ResponseEntity.BodyBuilder response = ResponseEntity.ok();
		if (this.nextCursor != null) {
			response.header(HttpHeaders.LINK, "<" + next(request) + ">; rel=\"next\"");
		}
		return response.body(this);
	}

	private String next(HttpServletRequest request) {
		// The path as the application resolved it (decoded, without ;parameters), encoded
		// again: only what Cairn itself wrote goes back in the header.
		String path = request.getContextPath() + UriUtils
			.encodePath(UrlPathHelper.defaultInstance.getPathWithinApplication(request), StandardCharsets.UTF_8);
		StringJoiner query = new StringJoiner("&", path + "?", "");
		request.getParameterMap().forEach((name, values) -> {
			if (!"cursor".equals(name)) {
				for (String value : values) {
					query.add(formEncoded(name) + "=" + formEncoded(value));
				}
			}
		});
		return query.add("cursor=" + formEncoded(this.nextCursor)).toString();
	}

	private static String formEncoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
