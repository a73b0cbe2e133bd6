package dev.cairn.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends one delivery attempt. Every attempt resolves and checks the receiver's address
 * ({@link GuardedDnsResolver}), follows no redirect (a 3xx is an answer, and a redirect
 * could point anywhere), gives up after the connect timeout or the total timeout, and
 * reads at most the first 4 KiB of the answer.
 */
@Component
class WebhookClient implements DisposableBean {

	static final int EXCERPT_BYTES = 4096;

	private final CloseableHttpClient http;

	private final ScheduledExecutorService deadlines = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("webhook-deadlines").factory());

	private final long timeoutMillis;

	WebhookClient(WebhookSettings settings, AddressPolicy policy) {
		Timeout connect = Timeout.of(settings.connectTimeout());
		Timeout total = Timeout.of(settings.timeout());
		this.timeoutMillis = settings.timeout().toMillis();
		this.http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new GuardedDnsResolver(policy))
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(total).build())
				.setMaxConnTotal(256)
				.setMaxConnPerRoute(settings.concurrencyPerWebhook())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setRedirectsEnabled(false)
				.setResponseTimeout(total)
				.setConnectionRequestTimeout(connect)
				.build())
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.setUserAgent("Cairn-Webhooks/1")
			.build();
	}

	Outcome send(URI url, Map<String, String> headers, byte[] body) {
		HttpPost post = new HttpPost(url);
		headers.forEach(post::setHeader);
		post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
		long started = System.nanoTime();
		// The timeouts above bound each wait; this bounds the sum (a receiver trickling a
		// byte a second never hits the socket timeout).
		ScheduledFuture<?> deadline = this.deadlines.schedule(post::cancel, this.timeoutMillis, TimeUnit.MILLISECONDS);
		try (ClassicHttpResponse response = this.http.executeOpen(null, post, null)) {
			String excerpt = excerpt(response.getEntity());
			post.cancel(); // what is left of the body is not read
			return Outcome.answered(response.getCode(), excerpt, elapsed(started));
		}
		catch (IOException | RuntimeException ex) {
			String reason = post.isCancelled() && elapsed(started) >= this.timeoutMillis
					? "timed out after " + this.timeoutMillis + " ms" : describe(ex);
			return Outcome.unanswered(reason, elapsed(started));
		}
		finally {
			deadline.cancel(false);
		}
	}

	private static String excerpt(HttpEntity entity) throws IOException {
		if (entity == null) {
			return "";
		}
		try (InputStream in = entity.getContent()) {
			byte[] head = in.readNBytes(EXCERPT_BYTES);
			return Utf8.truncate(head);
		}
	}

	private static String describe(Exception ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : "";
		String text = ex.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
		return (text.length() > 500) ? text.substring(0, 500) : text;
	}

	private static int elapsed(long started) {
		return (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
	}

	@Override
	public void destroy() throws IOException {
		this.deadlines.shutdownNow();
		this.http.close();
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
