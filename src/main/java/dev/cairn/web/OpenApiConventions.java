package dev.cairn.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
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
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;

import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * What every operation shares, written into the description once rather than annotated on
 * each handler: the problem body of errors, the headers of docs/api.md's conventions
 * (request id, rate limits, {@code ETag}, {@code Location}, {@code Link}) and a 304 where
 * {@code If-None-Match} is taken. Each rule follows from what the code does: every
 * response passes the request id and rate limit filters (rate limits when enabled); an
 * {@code ETag} is sent exactly with the resources that have a {@code version}
 * ({@link ETags}), a {@code Link} with every page, a {@code Location} with every 201.
 * <p>
 * The error statuses too, so that generated clients get a type for each: 400 where there
 * is input (a body, or a parameter other than the conditional headers), 401 and 403 where
 * the security chain reads bearer tokens, 404 where a path names a resource, 406 where it
 * answers with a body, 412 with {@code If-Match}, 413 and 415 with a body, 409 and 422
 * with {@code Idempotency-Key}, the codes a route names with {@link Refuses}, and 429,
 * 500 and 503 everywhere. {@code UndeclaredStatuses} in the tests fails any API test that
 * gets a status its operation does not declare.
 */
final class OpenApiConventions implements OpenApiCustomizer {

	/**
	 * Where {@link OpenApiConfiguration} leaves a route's {@link Refuses} codes for this
	 * customizer, which alone sees paths; removed before the description is served.
	 */
	static final String REFUSES = "x-cairn-refuses";

	private static final String PROBLEM = "Problem";

	private static final String WWW_AUTHENTICATE = HttpHeaders.WWW_AUTHENTICATE;

	private static final List<String> RATE_LIMIT_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining",
			"RateLimit-Reset", "RateLimit-Policy");

	private final OpenApiSecurity security;

	OpenApiConventions(OpenApiSecurity security) {
		this.security = security;
	}

	@Override
	public void customise(OpenAPI api) {
		Components components = api.getComponents();
		components.addSchemas(PROBLEM, problem());
		headers().forEach(components::addHeaders);
		for (Shared shared : Shared.values()) {
			components.addResponses(shared.component, shared.response());
		}
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

		Map<Integer, Shared> shared = new TreeMap<>();
		boolean body = operation.getRequestBody() != null;
		if (body || parameters(operation).anyMatch((parameter) -> !isConditional(parameter))) {
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
			.forEach((always) -> shared.put(always.status, always));
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

	// A status every route with this trait shares is a reference to one response; a
	// route's own codes make a response of their own that names them.
	private static ApiResponse errorResponse(int status, Shared shared, List<ErrorCode> own,
			Map<String, Schema> schemas) {
		if (own.isEmpty()) {
			return new ApiResponse().$ref("#/components/responses/" + shared.component);
		}
		String codes = own.stream()
			.map((code) -> "`" + code.value() + "` (" + code.title() + ")")
			.collect(Collectors.joining(", "));
		ApiResponse response = (shared != null)
				? shared.response().description(shared.description + " On this operation also: " + codes + ".")
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

	/**
	 * The error responses that many operations share, as components. Each carries the
	 * headers it is sure to have: a 401 comes from the security filters, before the rate
	 * limit filter counts the request.
	 */
	private enum Shared {

		BAD_REQUEST(400, "BadRequest",
				"Bad Request: the body, a parameter or a header is malformed (`malformed_request`) or invalid "
						+ "(`validation_failed`, with `errors` naming each field)."),
		UNAUTHORIZED(401, "Unauthorized",
				"Unauthorized: no bearer token where the operation needs one (`unauthenticated`), or the one sent "
						+ "is invalid or expired (`invalid_token`), which is refused even where none is needed.",
				WWW_AUTHENTICATE),
		FORBIDDEN(403, "Forbidden",
				"Forbidden: the caller may not do this: a personal access token without the scope the "
						+ "operation needs (`insufficient_scope`), or a project role that does not allow it "
						+ "(`role_forbids`)."),
		NOT_FOUND(404, "NotFound",
				"Not Found: a resource the path names does not exist or is not visible to the caller, who is "
						+ "never told which (`not_found`, `project_not_found`, `task_not_found`, ...)."),
		NOT_ACCEPTABLE(406, "NotAcceptable", "Not Acceptable: the `Accept` header excludes JSON (`not_acceptable`)."),
		PRECONDITION_FAILED(412, "PreconditionFailed",
				"Precondition Failed: the resource changed since the `ETag` sent in `If-Match` "
						+ "(`precondition_failed`); read it again and retry."),
		CONTENT_TOO_LARGE(413, "ContentTooLarge",
				"Content Too Large: the body is over the request size limit (`payload_too_large`)."),
		UNSUPPORTED_MEDIA_TYPE(415, "UnsupportedMediaType",
				"Unsupported Media Type: the body is not of a type the operation takes (`unsupported_media_type`)."),
		TOO_MANY_REQUESTS(429, "TooManyRequests",
				"Too Many Requests: over the caller's rate limit or a sign-in throttle (`rate_limited`).",
				HttpHeaders.RETRY_AFTER),
		INTERNAL_SERVER_ERROR(500, "InternalServerError",
				"Internal Server Error: a bug (`internal_error`); the body says nothing of its cause, the log "
						+ "has it under the `requestId`."),
		SERVICE_UNAVAILABLE(503, "ServiceUnavailable",
				"Service Unavailable: the database could not complete the request (`dependency_unavailable`).",
				HttpHeaders.RETRY_AFTER);

		private final int status;

		private final String component;

		private final String description;

		private final String extraHeader;

		Shared(int status, String component, String description) {
			this(status, component, description, null);
		}

		Shared(int status, String component, String description, String extraHeader) {
			this.status = status;
			this.component = component;
			this.description = description;
			this.extraHeader = extraHeader;
		}

		ApiResponse response() {
			ApiResponse response = header(problemResponse(this.description), RequestIdFilter.HEADER);
			if (this.status != 401) {
				RATE_LIMIT_HEADERS.forEach((name) -> header(response, name));
			}
			if (this.extraHeader != null) {
				header(response, this.extraHeader);
			}
			return response;
		}

	}

	private static Schema<?> problem() {
		Schema<?> fieldError = new ObjectSchema().addProperty("field", new StringSchema())
			.addProperty("message", new StringSchema());
		return new ObjectSchema().description("An error (RFC 9457)")
			.addProperty("type", new StringSchema().format("uri"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema().format("uri-reference"))
			.addProperty("code",
					new StringSchema().description("Stable, for programs: `not_found`, `validation_failed`, ..."))
			.addProperty("requestId", new StringSchema().description("The `X-Request-Id` of the request"))
			.addProperty("errors", new ArraySchema().items(fieldError).description("Invalid fields, for 400"))
			.required(List.of("type", "title", "status", "code"));
	}

	private static Map<String, Header> headers() {
		Map<String, Header> headers = new LinkedHashMap<>();
		headers.put(RequestIdFilter.HEADER,
				header("The request's id: the client's when it sent a sane one, else generated"));
		headers.put("RateLimit-Limit", header("Requests the caller's budget holds"));
		headers.put("RateLimit-Remaining", header("Requests left in the budget now"));
		headers.put("RateLimit-Reset", header("Seconds until the budget is full again"));
		headers.put("RateLimit-Policy", header("The budget: `<requests>;w=<seconds>`"));
		headers.put(HttpHeaders.RETRY_AFTER, header("Seconds to wait before trying again"));
		headers.put(HttpHeaders.ETAG, header("The resource's version, for `If-Match` and `If-None-Match`"));
		headers.put(HttpHeaders.LOCATION, header("Where the created resource is"));
		headers.put(HttpHeaders.LINK, header("`<...>; rel=\"next\"` while there is a next page"));
		headers.put(WWW_AUTHENTICATE,
				header("`Bearer` (RFC 6750), with `error=\"invalid_token\"` when the token sent was refused"));
		return headers;
	}

	private static Header header(String description) {
		return new Header().description(description).schema(new StringSchema());
	}

	private static ApiResponse header(ApiResponse response, String name) {
		return response.addHeaderObject(name, new Header().$ref("#/components/headers/" + name));
	}

	private static ApiResponse problemResponse(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
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
