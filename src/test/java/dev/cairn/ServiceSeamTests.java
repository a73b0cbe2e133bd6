package dev.cairn;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The use-case services are the seam every face calls (REST, and GraphQL, imports and the
 * web UI next), so none of them knows HTTP: no JSON tree, no request, no header text
 * ({@code If-Match} arrives as {@code web.IfMatch}) and no response shape comes in or
 * goes out. A method that did would make each new face copy REST's workarounds.
 */
class ServiceSeamTests {

	private static final Set<Class<?>> HTTP_TYPES = Set.of(JsonNode.class, ServletRequest.class, ServletResponse.class,
			HttpHeaders.class);

	private static final Set<String> HEADER_NAMES = Set.of("ifMatch", "ifNoneMatch", "authorization", "header");

	@Test
	void noServiceTakesOrReturnsHttp() throws ClassNotFoundException {
		List<String> services = new ArrayList<>();
		List<String> found = new ArrayList<>();
		for (BeanDefinition definition : services()) {
			Class<?> service = ClassUtils.forName(definition.getBeanClassName(), getClass().getClassLoader());
			services.add(service.getSimpleName());
			for (Method method : service.getDeclaredMethods()) {
				if (method.isSynthetic()) {
					continue;
				}
				for (Type parameter : method.getGenericParameterTypes()) {
					if (isHttp(parameter)) {
						found.add(service.getSimpleName() + "." + method.getName() + " takes " + parameter);
					}
				}
				for (java.lang.reflect.Parameter parameter : method.getParameters()) {
					if (parameter.getType() == String.class && HEADER_NAMES.contains(parameter.getName())) {
						found.add(service.getSimpleName() + "." + method.getName() + " takes the header "
								+ parameter.getName());
					}
				}
				if (isHttp(method.getGenericReturnType())) {
					found.add(service.getSimpleName() + "." + method.getName() + " returns "
							+ method.getGenericReturnType());
				}
			}
		}
		assertThat(services).as("the scan finds the use-case services").contains("Tasks", "Comments", "Labels");
		assertThat(found).isEmpty();
	}

	private static Set<BeanDefinition> services() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Service.class));
		return scanner.findCandidateComponents("dev.cairn");
	}

	// The type, or any type argument of it (Page<TaskResponse>), is HTTP's: a JSON tree,
	// a servlet request or response, headers, or a response record of a controller.
	private static boolean isHttp(Type type) {
		if (type instanceof ParameterizedType parameterized) {
			for (Type argument : parameterized.getActualTypeArguments()) {
				if (isHttp(argument)) {
					return true;
				}
			}
			return isHttp(parameterized.getRawType());
		}
		if (type instanceof Class<?> type1) {
			return HTTP_TYPES.stream().anyMatch((http) -> http.isAssignableFrom(type1))
					|| (type1.getName().startsWith("dev.cairn.") && type1.getSimpleName().endsWith("Response"))
					|| type1.getName().startsWith("org.springframework.http.");
		}
		return false;
	}

}
