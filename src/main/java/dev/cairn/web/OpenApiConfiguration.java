package dev.cairn.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import tools.jackson.databind.JsonNode;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI 3.1 description at {@code /v3/api-docs} (and Swagger UI at
 * {@code /swagger-ui.html}); its committed snapshot is {@code docs/openapi.json}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	// The Caller comes from the bearer token, not from the request: without this it is
	// described as a required query parameter named "caller".
	// A PATCH body is read as a JsonNode (a JSON Merge Patch); without this it is
	// described as the getters of Jackson's JsonNode class.
	static {
		SpringDocUtils.getConfig()
			.addRequestWrapperToIgnore(Caller.class)
			.replaceWithSchema(JsonNode.class,
					new ObjectSchema().description(
							"A JSON Merge Patch (RFC 7386) of the resource: the fields to change, `null` to clear one; "
									+ "unknown fields are refused (docs/api.md)"));
	}

	@Bean
	OpenAPI cairnApi() {
		return new OpenAPI()
			.info(new Info().title("Cairn API")
				.version("v1")
				.description("Projects, members, tasks and everything around them. Errors are "
						+ "application/problem+json (RFC 9457) with a stable `code`.")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("An access token (JWT) from /api/v1/auth/login, or a personal access "
								+ "token (cairn_pat_...).")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

	@Bean
	OpenApiConventions openApiConventions(ObjectProvider<WebInvocationPrivilegeEvaluator> privileges,
			ObjectProvider<SecurityFilterChain> chains) {
		return new OpenApiConventions(new OpenApiSecurity(privileges, chains));
	}

	/**
	 * Hands a route's {@link Refuses} codes to {@link OpenApiConventions}, which declares
	 * their statuses.
	 */
	@Bean
	OperationCustomizer refusals() {
		return (operation, handler) -> {
			Refuses refuses = handler.getMethodAnnotation(Refuses.class);
			if (refuses != null) {
				operation.addExtension(OpenApiConventions.REFUSES, List.of(refuses.value()));
			}
			return operation;
		};
	}

	/**
	 * Operations named and grouped by their controller, so that generated clients read
	 * well: {@code TaskController.getByKey} is operation {@code taskGetByKey} under the
	 * tag {@code task}, rather than springdoc's {@code getByKey} and
	 * {@code task-controller}.
	 */
	@Bean
	OperationCustomizer operationNames() {
		return (operation, handler) -> {
			String feature = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
			String method = handler.getMethod().getName();
			operation.setOperationId(Character.toLowerCase(feature.charAt(0)) + feature.substring(1)
					+ Character.toUpperCase(method.charAt(0)) + method.substring(1));
			operation.setTags(List.of(feature.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT)));
			return operation;
		};
	}

	/**
	 * The optional {@code Idempotency-Key} header on the POST routes that honour it:
	 * those of a signed-in caller, outside {@code /api/v1/me/} and {@code /api/v1/auth/}
	 * (see {@link IdempotencyFilter}).
	 */
	@Bean
	OperationCustomizer idempotencyKeyHeader() {
		return (operation, handler) -> {
			if (honoursIdempotencyKey(handler)) {
				operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER)
					.required(false)
					.description("Makes a retry safe: the same key with the same request within 24 hours "
							+ "replays the first successful response (with `Idempotency-Replayed: true`) "
							+ "instead of running it again; the same key with another request is 422, and "
							+ "while the first request runs, 409. Up to 255 printable ASCII characters, " + "per user.")
					.schema(new StringSchema().minLength(1).maxLength(255)));
			}
			return operation;
		};
	}

	private static boolean honoursIdempotencyKey(HandlerMethod handler) {
		RequestMapping method = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		if (method == null || !Arrays.asList(method.method()).contains(RequestMethod.POST)) {
			return false;
		}
		boolean signedIn = Arrays.stream(handler.getMethodParameters())
			.anyMatch((parameter) -> parameter.getParameterType().equals(Caller.class));
		RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
		String prefix = (type != null && type.path().length > 0) ? type.path()[0] : "";
		boolean secrets = Arrays.stream((method.path().length > 0) ? method.path() : new String[] { "" })
			.map((path) -> prefix + path)
			.anyMatch((path) -> path.startsWith("/api/v1/me/") || path.startsWith("/api/v1/auth/"));
		return signedIn && !secrets;
	}

}
