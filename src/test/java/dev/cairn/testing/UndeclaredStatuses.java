package dev.cairn.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Fails an integration test in which the server answered a 4xx status that
 * docs/openapi.json does not declare for the operation called, so the typed errors of the
 * description stay true: a route that starts answering 409 fails the test that provokes
 * it until the route names the code ({@code @Refuses}) and the description is
 * regenerated. Requests to no described operation (an unknown path, a method the path
 * lacks, HEAD, OPTIONS) are not checked. The status is taken when the server sets it,
 * before the client can read the response, so it is never blamed on the next test.
 */
public final class UndeclaredStatuses implements BeforeEachCallback, AfterEachCallback {

	private static final Queue<String> FOUND = new ConcurrentLinkedQueue<>();

	private static final List<Operation> OPERATIONS = operations();

	@Override
	public void beforeEach(ExtensionContext context) {
		FOUND.clear();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		List<String> found = new ArrayList<>();
		for (String next = FOUND.poll(); next != null; next = FOUND.poll()) {
			found.add(next);
		}
		if (!found.isEmpty()) {
			throw new AssertionError("The server answered statuses that docs/openapi.json does not declare; name "
					+ "the code with @Refuses on the route (or fix the route), then regenerate the description:\n  "
					+ found.stream().distinct().collect(Collectors.joining("\n  ")));
		}
	}

	/** The filter that watches every response, outermost so that it sees them all. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Recorder {

		@Bean
		FilterRegistrationBean<Filter> undeclaredStatuses() {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
					(request, response, chain) -> chain.doFilter(request,
							new Watched((HttpServletRequest) request, (HttpServletResponse) response)));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

	private static final class Watched extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		Watched(HttpServletRequest request, HttpServletResponse response) {
			super(response);
			this.request = request;
		}

		@Override
		public void setStatus(int status) {
			check(status);
			super.setStatus(status);
		}

		@Override
		public void sendError(int status) throws IOException {
			check(status);
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			check(status);
			super.sendError(status, message);
		}

		private void check(int status) {
			if (status < 400 || status >= 500) {
				return;
			}
			String method = this.request.getMethod().toLowerCase(java.util.Locale.ROOT);
			String path = this.request.getRequestURI();
			OPERATIONS.stream()
				.filter((operation) -> operation.method.equals(method) && operation.path.matcher(path).matches())
				.max(Comparator.comparingInt(Operation::literals))
				.filter((operation) -> !operation.statuses.contains(String.valueOf(status)))
				.ifPresent((operation) -> FOUND.add(this.request.getMethod() + " " + path + " (" + operation.id
						+ ") answered " + status + ", which it does not declare"));
		}

	}

	private record Operation(String method, Pattern path, int literals, String id, Set<String> statuses) {

	}

	private static List<Operation> operations() {
		JsonNode api = JsonMapper.builder().build().readTree(Path.of("docs/openapi.json").toFile());
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
			String[] segments = path.getKey().split("/");
			String regex = java.util.Arrays.stream(segments)
				.map((segment) -> segment.startsWith("{") ? "[^/]+" : Pattern.quote(segment))
				.collect(Collectors.joining("/"));
			int literals = (int) java.util.Arrays.stream(segments)
				.filter((segment) -> !segment.startsWith("{"))
				.count();
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				Set<String> statuses = Set.copyOf(operation.getValue().get("responses").propertyNames());
				operations.add(new Operation(operation.getKey(), Pattern.compile(regex), literals,
						Optional.ofNullable(operation.getValue().get("operationId"))
							.map(JsonNode::asString)
							.orElse(path.getKey()),
						statuses));
			}
		}
		return operations;
	}

}
