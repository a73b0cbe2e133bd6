package dev.cairn.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;

import dev.cairn.web.OpenApiComponents.Shared;

import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static dev.cairn.web.OpenApiComponents.RATE_LIMIT_HEADERS;
import static dev.cairn.web.OpenApiComponents.header;
import static dev.cairn.web.OpenApiComponents.problemResponse;

/**
 * What every operation shares, written into the description once rather than annotated on
 * each handler: the problem body of errors, the headers of docs/api.md's conventions
 * (request id, rate limits, {@code ETag}, {@code Location}, {@code Link}) and a 304 where
 * {@code If-None-Match} is taken. Each rule follows from what the code does: every
 * response passes the request id and rate limit filters (rate limits when enabled); an
 * {@code ETag} is sent exactly with the resources that have a {@code version}
 * ({@link ETags}), a {@code Link} with every page, a {@code Location} with every 201.
 * <p>
 * The error statuses too, so that generated clients get a type for each: 400 on every
 * {@code /api} operation (a query parameter it does not read is refused) and wherever
 * else there is input (a body, or a parameter other than the conditional headers), 401
 * and 403 where the security chain reads bearer tokens, 404 where a path names a
 * resource, 406 where it answers with a body, 412 with {@code If-Match}, 413 and 415 with
 * a body, 409 and 422 with {@code Idempotency-Key}, the codes a route names with
 * {@link Refuses}, and 429, 500 and 503 everywhere. {@code UndeclaredStatuses} in the
 * tests fails any API test that gets a status its operation does not declare.
 */
final class OpenApiConventions implements OpenApiCustomizer {

	/**
	 * Where {@link OpenApiConfiguration} leaves a route's {@link Refuses} codes for this
	 * customizer, which alone sees paths; removed before the description is served.
	 */
	static final String REFUSES = "x-cairn-refuses";

	private final OpenApiSecurity security;

	OpenApiConventions(OpenApiSecurity security) {
		this.security = security;
	}

	@Override
	public void customise(OpenAPI api) {
		Components components = api.getComponents();
		OpenApiComponents.addTo(components);
		api.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> describe(method.name(), path, operation, components)));
		api.setTags(api.getPaths()
			.values()
			.stream()
			.flatMap((item) -> item.readOperations().stream())
			.flatMap((operation) -> Optional.ofNullable(operation.getTags()).stream().flatMap(List::stream))
			.collect(Collectors.toCollection(TreeSet::new))
			.stream()
			.map((name) -> new Tag().name(name))
			.toList());
		OpenApiSchemas.tighten(api);
	}

	private void describe(String method, String path, Operation operation, Components components) {
		List<ErrorCode> codes = refusals(operation);
		boolean open = this.security.isOpen(method, path);
		if (open) {
			operation.setSecurity(List.of());
		}
		if (takesHeader(operation, HttpHeaders.IF_NONE_MATCH)) {
			operation.getResponses()
				.addApiResponse("304", new ApiResponse()
					.description("Not Modified: the `ETag` sent in `If-None-Match` is still current"));
		}
		operation.getResponses()
			.forEach((status, response) -> conventionalHeaders(status, response, components.getSchemas()));

		Map<Integer, Shared> shared = sharedStatuses(method, path, operation);
		if (takesHeader(operation, IdempotencyFilter.HEADER)) {
			codes.add(ErrorCode.IDEMPOTENCY_KEY_IN_USE);
			codes.add(ErrorCode.IDEMPOTENCY_KEY_REUSED);
		}
		Map<Integer, List<ErrorCode>> own = codes.stream()
			.distinct()
			.collect(Collectors.groupingBy((code) -> code.status().value(), TreeMap::new, Collectors.toList()));

		TreeSet<Integer> statuses = new TreeSet<>(shared.keySet());
		statuses.addAll(own.keySet());
		for (int status : statuses) {
			operation.getResponses()
				.addApiResponse(String.valueOf(status), errorResponse(status, shared.get(status),
						own.getOrDefault(status, List.of()), components.getSchemas()));
		}
		// An error may come before the rate limit filter (a bad token): the request
		// id is the one header it surely has.
		operation.getResponses()
			.addApiResponse("default", header(problemResponse(
					"Any other error, as `application/problem+json` (RFC 9457) with a stable `code` (docs/api.md)"),
					RequestIdFilter.HEADER));
	}

	// The statuses that follow from what the operation takes and answers, and from the
	// security chain that serves it.
	private Map<Integer, Shared> sharedStatuses(String method, String path, Operation operation) {
		Map<Integer, Shared> shared = new TreeMap<>();
		boolean body = operation.getRequestBody() != null;
		// Under /api any query string can be refused (a parameter the operation does not
		// read: QueryParameterCheck; a NUL: TextInputFilter), input or not.
		if (path.startsWith("/api/") || body
				|| parameters(operation).anyMatch((parameter) -> !isConditional(parameter))) {
			shared.put(400, Shared.BAD_REQUEST);
		}
		if (this.security.readsBearerTokens(method, path)) {
			shared.put(401, Shared.UNAUTHORIZED);
			shared.put(403, Shared.FORBIDDEN);
		}
		if (parameters(operation).anyMatch((parameter) -> "path".equals(parameter.getIn()))) {
			shared.put(404, Shared.NOT_FOUND);
		}
		if (operation.getResponses()
			.entrySet()
			.stream()
			.anyMatch((response) -> response.getKey().startsWith("2") && response.getValue().getContent() != null
					&& !response.getValue().getContent().isEmpty())) {
			shared.put(406, Shared.NOT_ACCEPTABLE);
		}
		if (takesHeader(operation, HttpHeaders.IF_MATCH)) {
			shared.put(412, Shared.PRECONDITION_FAILED);
		}
		if (body) {
			shared.put(413, Shared.CONTENT_TOO_LARGE);
			shared.put(415, Shared.UNSUPPORTED_MEDIA_TYPE);
		}
		Stream.of(Shared.TOO_MANY_REQUESTS, Shared.INTERNAL_SERVER_ERROR, Shared.SERVICE_UNAVAILABLE)
			.forEach((always) -> shared.put(always.status(), always));
		return shared;
	}

	// A status every route with this trait shares is a reference to one response; a
	// route's own codes make a response of their own that names them.
	private static ApiResponse errorResponse(int status, Shared shared, List<ErrorCode> own,
			Map<String, Schema> schemas) {
		if (own.isEmpty()) {
			return new ApiResponse().$ref("#/components/responses/" + shared.component());
		}
		String codes = own.stream()
			.map((code) -> "`" + code.value() + "` (" + code.title() + ")")
			.collect(Collectors.joining(", "));
		ApiResponse response = (shared != null)
				? shared.response().description(shared.description() + " On this operation also: " + codes + ".")
				: problemResponse(HttpStatus.valueOf(status).getReasonPhrase() + ": " + codes + ".");
		conventionalHeaders(String.valueOf(status), response, schemas);
		return response;
	}

	@SuppressWarnings("unchecked")
	private static List<ErrorCode> refusals(Operation operation) {
		Map<String, Object> extensions = operation.getExtensions();
		Object codes = (extensions != null) ? extensions.remove(REFUSES) : null;
		if (extensions != null && extensions.isEmpty()) {
			operation.setExtensions(null);
		}
		return (codes != null) ? new ArrayList<>((Collection<ErrorCode>) codes) : new ArrayList<>();
	}

	private static void conventionalHeaders(String status, ApiResponse response, Map<String, Schema> schemas) {
		header(response, RequestIdFilter.HEADER);
		RATE_LIMIT_HEADERS.forEach((name) -> header(response, name));
		if (status.equals("201")) {
			header(response, HttpHeaders.LOCATION);
		}
		String name = schemaName(response).orElse(null);
		Schema<?> schema = (name != null) ? schemas.get(name) : null;
		if (status.equals("304") || (schema != null && schema.getProperties() != null
				&& schema.getProperties().containsKey("version"))) {
			header(response, HttpHeaders.ETAG);
		}
		if (name != null && name.startsWith("Page")) {
			header(response, HttpHeaders.LINK);
		}
	}

	private static Optional<String> schemaName(ApiResponse response) {
		return Optional.ofNullable(response.getContent())
			.flatMap((content) -> content.values().stream().findFirst())
			.map(MediaType::getSchema)
			.map(Schema::get$ref)
			.map((ref) -> ref.substring(ref.lastIndexOf('/') + 1));
	}

	private static Stream<Parameter> parameters(Operation operation) {
		return Optional.ofNullable(operation.getParameters()).stream().flatMap(List::stream).filter(Objects::nonNull);
	}

	// If-Match and If-None-Match are compared, never refused.
	private static boolean isConditional(Parameter parameter) {
		return "header".equals(parameter.getIn()) && (HttpHeaders.IF_MATCH.equalsIgnoreCase(parameter.getName())
				|| HttpHeaders.IF_NONE_MATCH.equalsIgnoreCase(parameter.getName()));
	}

	private static boolean takesHeader(Operation operation, String name) {
		return parameters(operation)
			.anyMatch((parameter) -> "header".equals(parameter.getIn()) && name.equalsIgnoreCase(parameter.getName()));
	}

}
