package dev.cairn.web;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST (draft-ietf-httpapi-idempotency-key-header, as Stripe
 * does it): a retry of a request that succeeded gets the first response again, with
 * {@code Idempotency-Replayed: true}, instead of a second create.
 * <p>
 * Only 2xx responses are kept. Every write in Cairn is one transaction, so a 4xx or 5xx
 * changed nothing, and the key is let go so that a corrected or later retry can run. The
 * same key with a different request (method, path, query or body) is 422; a retry while
 * the first request still runs is 409. Keys belong to the signed-in user; anonymous
 * requests (registration, sign-in) ignore the header, as there is nobody to scope the key
 * to. Routes under {@code /api/v1/me/} and {@code /api/v1/auth/} ignore it too: their
 * responses carry secrets (token pairs, personal access tokens, TOTP seeds, recovery
 * codes) that must not be stored.
 */
@Component
@Order(IdempotencyFilter.ORDER)
class IdempotencyFilter extends OncePerRequestFilter {

	/** After Spring Security's filters, so the caller is known. */
	static final int ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10;

	static final String HEADER = "Idempotency-Key";

	static final String REPLAYED = "Idempotency-Replayed";

	private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

	private static final Pattern VALID_KEY = Pattern.compile("[\\x20-\\x7E]{1,255}");

	private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG,
			HttpHeaders.CONTENT_TYPE);

	// What the table's CHECK allows; create responses are far smaller.
	private static final int MAX_KEPT_BODY = 1024 * 1024;

	private final IdempotencyKeys keys;

	private final JsonMapper json;

	private final ObjectProvider<HandlerMapping> routes;

	IdempotencyFilter(IdempotencyKeys keys, JsonMapper json,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> routes) {
		this.keys = keys;
		this.json = json;
		this.routes = routes;
	}

	// Spring Security's firewall has already refused paths that are not normalized
	// (//, /./, ;, encoded slashes), so a prefix test cannot be dodged.
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null || !path.startsWith("/api/v1/")
				|| path.startsWith("/api/v1/me/") || path.startsWith("/api/v1/auth/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Caller caller = Caller.current().orElse(null);
		if (caller == null) {
			chain.doFilter(request, response);
			return;
		}
		String key = key(request);
		if (key == null) {
			problem(request, response, Problems.of(ErrorCode.VALIDATION_FAILED, "The request has invalid headers.",
					request.getRequestURI(),
					List.of(new FieldError(HEADER, "must be one value of 1 to 255 printable ASCII characters"))));
			return;
		}
		// A token's scope is checked again later, but a replay would not get there.
		InsufficientScope refused = refused(caller, request);
		if (refused != null) {
			problem(request, response, Problems.of(refused.code(), refused.getMessage(), request.getRequestURI()));
			return;
		}
		// Read within the body limit (BodyLimitFilter answers 413 when it is crossed).
		byte[] body = request.getInputStream().readAllBytes();
		byte[] hash = hash(request, body);
		UUID userId = caller.userId();
		switch (this.keys.claim(userId, key, hash)) {
			case IdempotencyKeys.Claim.Claimed claimed ->
				run(new CachedBodyRequest(request, body), response, chain, userId, key, claimed);
			case IdempotencyKeys.Claim.Completed completed -> replay(response, completed);
			case IdempotencyKeys.Claim.InProgress inProgress -> {
				response.setHeader(HttpHeaders.RETRY_AFTER, "1");
				problem(request, response,
						Problems.of(ErrorCode.IDEMPOTENCY_KEY_IN_USE,
								"A request with this Idempotency-Key is still in progress; retry later.",
								request.getRequestURI()));
			}
			case IdempotencyKeys.Claim.OtherRequest other -> problem(request, response,
					Problems.of(ErrorCode.IDEMPOTENCY_KEY_REUSED,
							"This Idempotency-Key was used for a different request; use a new key.",
							request.getRequestURI()));
		}
	}

	private InsufficientScope refused(Caller caller, HttpServletRequest request) {
		if (!caller.personalToken()) {
			return null;
		}
		try {
			HandlerExecutionChain route = this.routes.getObject().getHandler(request);
			if (route != null && route.getHandler() instanceof HandlerMethod method) {
				ScopeInterceptor.check(caller, method);
			}
			return null;
		}
		catch (InsufficientScope ex) {
			return ex;
		}
		catch (Exception ex) {
			// No route takes this request (405, 415...): the dispatcher says so, and runs
			// nothing a replay could stand for.
			return null;
		}
	}

	private void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain, UUID userId,
			String key, IdempotencyKeys.Claim.Claimed claim) throws ServletException, IOException {
		ContentCachingResponseWrapper caching = new ContentCachingResponseWrapper(response);
		boolean kept = false;
		try {
			chain.doFilter(request, caching);
			kept = keep(caching, userId, key, claim);
		}
		finally {
			if (!kept) {
				this.keys.release(userId, key, claim);
			}
		}
		// After the response is kept, so a retry that arrives once the client has it
		// replays it rather than finding the request in progress.
		caching.copyBodyToResponse();
	}

	private boolean keep(ContentCachingResponseWrapper response, UUID userId, String key,
			IdempotencyKeys.Claim.Claimed claim) {
		int status = response.getStatus();
		if (status < 200 || status > 299) {
			return false;
		}
		byte[] body = response.getContentAsByteArray();
		if (body.length > MAX_KEPT_BODY) {
			log.warn("Response of {} bytes too large to keep for Idempotency-Key replay", body.length);
			return false;
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : KEPT_HEADERS) {
			String value = HttpHeaders.CONTENT_TYPE.equals(name) ? response.getContentType() : response.getHeader(name);
			if (value != null) {
				headers.put(name, value);
			}
		}
		this.keys.complete(userId, key, claim, status, headers, body);
		return true;
	}

	private static void replay(HttpServletResponse response, IdempotencyKeys.Claim.Completed completed)
			throws IOException {
		response.setStatus(completed.status());
		completed.headers().forEach(response::setHeader);
		response.setHeader(REPLAYED, "true");
		response.setContentLength(completed.body().length);
		response.getOutputStream().write(completed.body());
	}

	private void problem(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		Problems.write(response, this.json, problem);
	}

	/**
	 * The key as sent, or null when it is malformed. The draft's structured-field form
	 * ({@code "abc"}) and the bare form ({@code abc}) name the same key.
	 */
	static String key(HttpServletRequest request) {
		List<String> values = Collections.list(request.getHeaders(HEADER));
		if (values.size() != 1) {
			return null;
		}
		String key = values.get(0).strip();
		if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
			key = key.substring(1, key.length() - 1);
		}
		return VALID_KEY.matcher(key).matches() ? key : null;
	}

	/** What "the same request" means: SHA-256 of method, path, query and body. */
	static byte[] hash(HttpServletRequest request, byte[] body) {
		String query = (request.getQueryString() != null) ? request.getQueryString() : "";
		return hash(request.getMethod(), request.getRequestURI(), query, body);
	}

	static byte[] hash(String method, String path, String query, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((method + "\n" + path + "\n" + query + "\n").getBytes(StandardCharsets.UTF_8));
			return digest.digest(body);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The request with its body already read, to be read again by the handler. */
	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream bytes = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return bytes.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return bytes.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return bytes.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body has been read already");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(this.body), charset));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
