package dev.cairn.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.cairn.testing.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the API says what a personal access token needs to call it, so a new
 * route cannot fall to a default nobody chose (the way webhook management once took a
 * {@code write} token). What each route's scope is, and that it is enforced, is the
 * authorization matrix's (AuthorizationMatrixTests).
 */
@IntegrationTest
class RouteScopeTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping routes;

	@Test
	void everyApiRouteDeclaresItsTokenScopeOrThatTokensMayNotCallIt() {
		List<String> api = apiRoutes().keySet().stream().map(RequestMappingInfo::toString).toList();
		List<String> undeclared = apiRoutes().entrySet()
			.stream()
			.filter((route) -> declarations(route.getValue()) != 1)
			.map((route) -> route.getKey() + " -> " + route.getValue().getShortLogMessage())
			.toList();

		assertThat(api).hasSizeGreaterThan(60);
		assertThat(undeclared).as("routes with neither or both of @RequiresScope and @SessionOnly").isEmpty();
	}

	private Map<RequestMappingInfo, HandlerMethod> apiRoutes() {
		return this.routes.getHandlerMethods()
			.entrySet()
			.stream()
			.filter((route) -> route.getKey()
				.getPatternValues()
				.stream()
				.anyMatch((pattern) -> pattern.startsWith("/api/")))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static int declarations(HandlerMethod method) {
		return (method.hasMethodAnnotation(RequiresScope.class) ? 1 : 0)
				+ (method.hasMethodAnnotation(SessionOnly.class) ? 1 : 0);
	}

}
