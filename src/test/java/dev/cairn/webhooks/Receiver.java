package dev.cairn.webhooks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback that receives webhooks and records them: it answers with
 * a chosen status, after a chosen delay or when let go, or stops listening (connection
 * refused). Each listens on a path of its own: the retries of an earlier test's webhook
 * may reach a port the system has handed out again, and must not be counted here (they
 * get 404).
 */
final class Receiver implements AutoCloseable {

	private final HttpServer server;

	private final ConcurrentLinkedQueue<Request> received = new ConcurrentLinkedQueue<>();

	private volatile int status = 200;

	private volatile Duration delay = Duration.ZERO;

	// Open unless a test holds the answers back (at most 30 s).
	private volatile CountDownLatch gate = new CountDownLatch(0);

	private final String path = "/hooks/" + UUID.randomUUID();

	private Receiver(HttpServer server) {
		this.server = server;
	}

	static Receiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			Receiver receiver = new Receiver(server);
			server.createContext(receiver.path, receiver::handle);
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + this.path;
	}

	Receiver answering(int status) {
		this.status = status;
		return this;
	}

	Receiver delaying(Duration delay) {
		this.delay = delay;
		return this;
	}

	/** Holds every answer back, once its request is recorded, until {@link #letGo}. */
	Receiver holding() {
		this.gate = new CountDownLatch(1);
		return this;
	}

	void letGo() {
		this.gate.countDown();
	}

	List<Request> received() {
		return List.copyOf(this.received);
	}

	private void handle(HttpExchange exchange) throws IOException {
		Instant at = Instant.now();
		byte[] body = exchange.getRequestBody().readAllBytes();
		Map<String, String> headers = Map.of("webhook-id", first(exchange, "webhook-id"), "webhook-timestamp",
				first(exchange, "webhook-timestamp"), "webhook-signature", first(exchange, "webhook-signature"),
				"content-type", first(exchange, "content-type"), "traceparent", first(exchange, "traceparent"));
		this.received.add(new Request(at, headers, new String(body, StandardCharsets.UTF_8)));
		try {
			this.gate.await(30, TimeUnit.SECONDS);
			Thread.sleep(this.delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		byte[] answer = ("answer " + this.status).getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(this.status, answer.length);
		exchange.getResponseBody().write(answer);
		exchange.close();
	}

	private static String first(HttpExchange exchange, String name) {
		String value = exchange.getRequestHeaders().getFirst(name);
		return (value != null) ? value : "";
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Request(Instant at, Map<String, String> headers, String body) {

		String id() {
			return this.headers.get("webhook-id");
		}

	}

}
