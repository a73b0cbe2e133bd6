package dev.cairn.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplySenderContext;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sends one delivery attempt. Every attempt resolves and checks the receiver's address
 * ({@link GuardedDnsResolver}), goes through no proxy, follows no redirect (a 3xx is an
 * answer, and a redirect could point anywhere), gives up after the connect timeout or the
 * total timeout, and reads at most the first 4 KiB of the answer. OkHttp rather than the
 * JDK's client for its per-client resolver, and rather than Apache HttpClient because
 * Spring would then pick that for every RestClient in the application.
 */
@Component
class WebhookClient implements DisposableBean {

	static final int EXCERPT_BYTES = 4096;

	private static final MediaType JSON = MediaType.get("application/json");

	private final OkHttpClient http;

	private final long timeoutMillis;

	private final AddressPolicy policy;

	private final ObservationRegistry observations;

	@Autowired
	WebhookClient(WebhookSettings settings, AddressPolicy policy, ObjectProvider<ObservationRegistry> observations) {
		this(settings, policy, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	WebhookClient(WebhookSettings settings, AddressPolicy policy) {
		this(settings, policy, ObservationRegistry.NOOP);
	}

	private WebhookClient(WebhookSettings settings, AddressPolicy policy, ObservationRegistry observations) {
		this.timeoutMillis = settings.timeout().toMillis();
		this.policy = policy;
		this.observations = observations;
		this.http = new OkHttpClient.Builder().dns(new GuardedDnsResolver(policy))
			.proxy(Proxy.NO_PROXY)
			.followRedirects(false)
			.followSslRedirects(false)
			// A kept-alive connection the receiver closed meanwhile (an HTTP/1.0 server
			// closes after every answer without saying so) fails on its next use before
			// the receiver sees anything: OkHttp then sends the attempt again on a new
			// connection, within the call timeout. A receiver that read the request and
			// dropped the connection without answering gets a second copy with the same
			// webhook-id, which at-least-once delivery allows.
			.retryOnConnectionFailure(true)
			.connectTimeout(settings.connectTimeout())
			// The read timeout bounds each wait; the call timeout bounds the sum
			// (a receiver trickling a byte a second never hits the read timeout).
			.readTimeout(settings.timeout())
			.writeTimeout(settings.timeout())
			.callTimeout(settings.timeout())
			.connectionPool(new ConnectionPool(64, 1, TimeUnit.MINUTES))
			.build();
	}

	Outcome send(URI url, Map<String, String> headers, byte[] body) {
		// OkHttp resolves a host name through the guarded resolver but takes an address
		// literal as it is: check that one here, as every attempt.
		String host = AddressPolicy.hostOf(url);
		if (AddressPolicy.isAddressLiteral(host) && !this.policy.permits(host, new InetAddress[] { literal(host) })) {
			return Outcome.unanswered(new GuardedDnsResolver.ForbiddenAddress(host).getMessage(), 0);
		}
		Request.Builder request = new Request.Builder().url(url.toString())
			.header("User-Agent", "Cairn-Webhooks/1")
			.post(RequestBody.create(body, JSON));
		headers.forEach(request::header);
		// A client span per attempt: starting it puts its traceparent (W3C) on the
		// request, so a receiver that traces can join the attempt to its own work.
		RequestReplySenderContext<Request.Builder, Response> context = new RequestReplySenderContext<>(
				Request.Builder::header);
		context.setCarrier(request);
		context.setRemoteServiceName(host);
		Observation observation = Observation.createNotStarted("cairn.webhooks.call", () -> context, this.observations)
			.contextualName("webhook POST")
			.start();
		Outcome outcome = attempt(request.build());
		observation.lowCardinalityKeyValue("outcome", outcome.kind()).stop();
		return outcome;
	}

	private Outcome attempt(Request request) {
		long started = System.nanoTime();
		try (Response response = this.http.newCall(request).execute()) {
			return Outcome.answered(response.code(), excerpt(response.body()), elapsed(started));
		}
		catch (InterruptedIOException ex) {
			return Outcome.unanswered(
					"timed out after " + elapsed(started) + " ms (limit " + this.timeoutMillis + " ms)",
					elapsed(started));
		}
		catch (IOException | RuntimeException ex) {
			return Outcome.unanswered(describe(ex), elapsed(started));
		}
	}

	private static InetAddress literal(String host) {
		try {
			return InetAddress.getByName(host); // a literal: no lookup
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("not an address: " + host, ex);
		}
	}

	// What is left of the body is not read: closing the response drops the connection.
	private static String excerpt(ResponseBody body) throws IOException {
		if (body == null) {
			return "";
		}
		try (InputStream in = body.byteStream()) {
			return Utf8.truncate(in.readNBytes(EXCERPT_BYTES));
		}
	}

	// "ConnectException: Failed to connect to /10.1.2.3:443 (Connection refused)": the
	// exception and, when it says more, its root cause.
	private static String describe(Exception ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String text = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		if (root != ex && root.getMessage() != null && !text.contains(root.getMessage())) {
			text += " (" + root.getMessage() + ")";
		}
		return (text.length() > 500) ? text.substring(0, 500) : text;
	}

	private static int elapsed(long started) {
		return (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
	}

	@Override
	public void destroy() {
		this.http.dispatcher().executorService().shutdown();
		this.http.connectionPool().evictAll();
	}

	/**
	 * What one attempt came to: a response (any status) or none (a network error).
	 *
	 * @param status the HTTP status, or null when there was no response
	 * @param excerpt the first 4 KiB of the body, or null
	 * @param error why there was no response, or null
	 * @param durationMillis how long the attempt took
	 */
	record Outcome(Integer status, String excerpt, String error, int durationMillis) {

		static Outcome answered(int status, String excerpt, int durationMillis) {
			return new Outcome(status, excerpt, null, durationMillis);
		}

		static Outcome unanswered(String error, int durationMillis) {
			return new Outcome(null, null, error, durationMillis);
		}

		/** For metrics: {@code 2xx} to {@code 5xx} by status class, or {@code error}. */
		String kind() {
			return (this.status == null) ? "error" : (this.status / 100) + "xx";
		}

		/** Any 2xx is success; everything else is retried. */
		boolean succeeded() {
			return this.status != null && this.status >= 200 && this.status < 300;
		}

	}

	/**
	 * Text from bytes cut at an arbitrary point: at most 4 KiB once encoded again, with
	 * no broken last character and no NUL (which PostgreSQL text cannot hold).
	 */
	static final class Utf8 {

		private Utf8() {
		}

		static String truncate(byte[] bytes) {
			String text = new String(bytes, StandardCharsets.UTF_8).replace("\u0000", "");
			// Undecodable bytes became U+FFFD, three bytes each: cut back to the limit.
			int end = 0;
			int encoded = 0;
			while (end < text.length()) {
				int codePoint = text.codePointAt(end);
				int size = (codePoint < 0x80) ? 1 : (codePoint < 0x800) ? 2 : (codePoint < 0x10000) ? 3 : 4;
				if (encoded + size > EXCERPT_BYTES) {
					break;
				}
				encoded += size;
				end += Character.charCount(codePoint);
			}
			// A multi-byte character cut in half at the end decodes as U+FFFD: drop it.
			while (end > 0 && text.charAt(end - 1) == '\uFFFD' && bytes.length == EXCERPT_BYTES) {
				end--;
			}
			return text.substring(0, end);
		}

	}

}
