package dev.cairn.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import org.springframework.http.HttpHeaders;

/**
 * What {@link OpenApiConventions} puts in the description's components for operations to
 * refer to: the problem schema, the headers of the conventions, and the error responses
 * many operations share.
 */
final class OpenApiComponents {

	static final String PROBLEM = "Problem";

	static final List<String> RATE_LIMIT_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset",
			"RateLimit-Policy");

	private static final String WWW_AUTHENTICATE = HttpHeaders.WWW_AUTHENTICATE;

	private OpenApiComponents() {
	}

	static void addTo(Components components) {
		components.addSchemas(PROBLEM, problem());
		headers().forEach(components::addHeaders);
		for (Shared shared : Shared.values()) {
			components.addResponses(shared.component, shared.response());
		}
	}

	/**
	 * The error responses that many operations share, as components. Each carries the
	 * headers it is sure to have: a 401 comes from the security filters, before the rate
	 * limit filter counts the request.
	 */
	enum Shared {

		BAD_REQUEST(400, "BadRequest",
				"Bad Request: the body, a parameter or a header is malformed (`malformed_request`) or invalid "
						+ "(`validation_failed`, with `errors` naming each field), or a query parameter is one the "
						+ "operation does not read or is given twice."),
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

		int status() {
			return this.status;
		}

		String component() {
			return this.component;
		}

		String description() {
			return this.description;
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

	static ApiResponse header(ApiResponse response, String name) {
		return response.addHeaderObject(name, new Header().$ref("#/components/headers/" + name));
	}

	static ApiResponse problemResponse(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
	}

}
