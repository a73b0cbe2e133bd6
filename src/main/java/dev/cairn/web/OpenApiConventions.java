package dev.cairn.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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

import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.http.HttpHeaders;

/**
 * What every operation shares, written into the description once rather than annotated on
 * each handler: the problem body of errors, the headers of docs/api.md's conventions
 * (request id, rate limits, {@code ETag}, {@code Location}, {@code Link}) and a 304 where
 * {@code If-None-Match} is taken. Each rule follows from what the code does: every
 * response passes the request id and rate limit filters (rate limits when enabled); an
 * {@code ETag} is sent exactly with the resources that have a {@code version}
 * ({@link ETags}), a {@code Link} with every page, a {@code Location} with every 201.
 */
final class OpenApiConventions implements OpenApiCustomizer {

	private static final String PROBLEM = "Problem";

	private static final List<String> RATE_LIMIT_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining",
			"RateLimit-Reset", "RateLimit-Policy");

	@Override
	public void customise(OpenAPI api) {
		Components components = api.getComponents();
		components.addSchemas(PROBLEM, problem());
		headers().forEach(components::addHeaders);
		api.getPaths().forEach((path, item) -> item.readOperations().forEach((operation) -> {
			if (takesHeader(operation, HttpHeaders.IF_NONE_MATCH)) {
				operation.getResponses()
					.addApiResponse("304",
							header(new ApiResponse()
								.description("Not Modified: the `ETag` sent in `If-None-Match` is still current"),
									HttpHeaders.ETAG));
			}
			operation.getResponses()
				.addApiResponse("429", header(problemResponse("Too Many Requests: over the caller's rate limit"),
						HttpHeaders.RETRY_AFTER));
			operation.getResponses()
				.addApiResponse("503", header(problemResponse(
						"Service Unavailable: the database could not complete the request (`dependency_unavailable`)"),
						HttpHeaders.RETRY_AFTER));
			operation.getResponses()
				.forEach((status, response) -> conventionalHeaders(status, response, components.getSchemas()));
			// An error may come before the rate limit filter (a bad token): the request
			// id is the one header it surely has.
			operation.getResponses()
				.addApiResponse("default", header(problemResponse(
						"An error, as `application/problem+json` (RFC 9457) with a stable `code` (docs/api.md)"),
						RequestIdFilter.HEADER));
		}));
	}

	private static void conventionalHeaders(String status, ApiResponse response, Map<String, Schema> schemas) {
		header(response, RequestIdFilter.HEADER);
		RATE_LIMIT_HEADERS.forEach((name) -> header(response, name));
		if (status.equals("201")) {
			header(response, HttpHeaders.LOCATION);
		}
		String name = schemaName(response).orElse(null);
		Schema<?> schema = (name != null) ? schemas.get(name) : null;
		if (schema != null && schema.getProperties() != null && schema.getProperties().containsKey("version")) {
			header(response, HttpHeaders.ETAG);
		}
		if (name != null && name.startsWith("Page")) {
			header(response, HttpHeaders.LINK);
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
		return Map.of(RequestIdFilter.HEADER,
				header("The request's id: the client's when it sent a sane one, else generated"), "RateLimit-Limit",
				header("Requests the caller's budget holds"), "RateLimit-Remaining",
				header("Requests left in the budget now"), "RateLimit-Reset",
				header("Seconds until the budget is full again"), "RateLimit-Policy",
				header("The budget: `<requests>;w=<seconds>`"), HttpHeaders.RETRY_AFTER,
				header("Seconds to wait before trying again"), HttpHeaders.ETAG,
				header("The resource's version, for `If-Match` and `If-None-Match`"), HttpHeaders.LOCATION,
				header("Where the created resource is"), HttpHeaders.LINK,
				header("`<...>; rel=\"next\"` while there is a next page"));
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

	private static boolean takesHeader(Operation operation, String name) {
		List<Parameter> parameters = operation.getParameters();
		return parameters != null && parameters.stream()
			.anyMatch((parameter) -> "header".equals(parameter.getIn()) && name.equalsIgnoreCase(parameter.getName()));
	}

}
