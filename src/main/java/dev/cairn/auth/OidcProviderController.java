package dev.cairn.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.cairn.web.SessionOnly;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reached only when the OpenID Connect filter did not start a sign-in: the provider is
 * not configured (404), or its discovery document could not be read (503).
 */
@RestController
class OidcProviderController {

	static final String UNAVAILABLE = OidcProviderController.class.getName() + ".unavailable";

	// The answer when it works comes from the filter, so the description says it here.
	@ApiResponse(responseCode = "302", description = "Found: to the provider's sign-in page",
			headers = @Header(name = "Location", schema = @Schema(type = "string")))
	@SessionOnly
	@GetMapping(OidcConfiguration.BASE + "/{provider}")
	void provider(@PathVariable @Size(max = 100) String provider, HttpServletRequest request) {
		if (Boolean.TRUE.equals(request.getAttribute(UNAVAILABLE))) {
			throw new ProviderUnavailable();
		}
		throw new UnknownProvider();
	}

}
