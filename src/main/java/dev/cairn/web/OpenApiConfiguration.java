package dev.cairn.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 description at {@code /v3/api-docs} (and Swagger UI at
 * {@code /swagger-ui.html}); its committed snapshot is {@code docs/openapi.json}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

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

}
