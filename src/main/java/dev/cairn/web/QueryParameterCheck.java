package dev.cairn.web;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springdoc.core.annotations.ParameterObject;

import org.springframework.core.MethodParameter;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses query parameters an operation does not read, and a parameter that takes one
 * value given more than once: {@code ?assigne=me} (a typo) or {@code ?label=a&label=b}
 * would otherwise be ignored, or all but the first value would be, and the client would
 * take a wrong answer for the right one. What an operation reads comes from its
 * signature: its {@code @RequestParam}s, the components of its query record
 * ({@code @ParameterObject}), and the prefixes it declares with {@link QueryParameters}.
 * Only the query string counts (a form body is a body).
 */
class QueryParameterCheck implements HandlerInterceptor {

	private static final int MAX_NAME_SHOWN = 100;

	private final Map<Method, Accepted> accepted = new ConcurrentHashMap<>();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String query = request.getQueryString();
		if (query == null || query.isEmpty() || !(handler instanceof HandlerMethod method)) {
			return true;
		}
		Accepted accepted = this.accepted.computeIfAbsent(method.getMethod(), (key) -> Accepted.of(method));
		if (accepted.any()) {
			return true;
		}
		Set<FieldError> errors = new LinkedHashSet<>();
		Map<String, Integer> given = new HashMap<>();
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decoded((equals >= 0) ? pair.substring(0, equals) : pair);
			if (!accepted.reads(name)) {
				errors.add(new FieldError(shown(name), "is not a parameter of this operation"));
			}
			else if (accepted.takesOne(name) && given.merge(name, 1, Integer::sum) == 2) {
				errors.add(new FieldError(name, "must be given once"));
			}
		}
		if (!errors.isEmpty()) {
			throw new UnknownParameters(new ArrayList<>(errors));
		}
		return true;
	}

	private static String decoded(String name) {
		try {
			return URLDecoder.decode(name, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return name; // a broken escape: no parameter has such a name either
		}
	}

	// A name is echoed back to its sender only, but there is no need for all of it.
	private static String shown(String name) {
		return (name.length() > MAX_NAME_SHOWN) ? name.substring(0, MAX_NAME_SHOWN) + "..." : name;
	}

	/**
	 * What one operation reads.
	 *
	 * @param names every parameter it reads by name
	 * @param single those of them that take one value
	 * @param prefixes the prefixes it reads by, one value for each name
	 * @param any whether it reads every parameter (a map of them), so none is unknown
	 */
	private record Accepted(Set<String> names, Set<String> single, List<String> prefixes, boolean any) {

		static Accepted of(HandlerMethod method) {
			Set<String> names = new HashSet<>();
			Set<String> single = new HashSet<>();
			boolean any = false;
			for (MethodParameter parameter : method.getMethodParameters()) {
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				Class<?> type = parameter.getParameterType();
				if (param != null && Map.class.isAssignableFrom(type)) {
					any = true;
				}
				else if (param != null) {
					String name = StringUtils.hasText(param.name()) ? param.name() : parameter.getParameterName();
					names.add(name);
					if (!takesMany(type)) {
						single.add(name);
					}
				}
				else if (type.isRecord() && parameter.hasParameterAnnotation(ParameterObject.class)) {
					for (RecordComponent component : type.getRecordComponents()) {
						names.add(component.getName());
						if (!takesMany(component.getType())) {
							single.add(component.getName());
						}
					}
				}
			}
			QueryParameters declared = method.getMethodAnnotation(QueryParameters.class);
			return new Accepted(Set.copyOf(names), Set.copyOf(single),
					(declared != null) ? List.of(declared.prefixes()) : List.of(), any);
		}

		boolean reads(String name) {
			return this.names.contains(name) || byPrefix(name);
		}

		// A parameter read by its prefix is one filter each (cf.<field>): one value.
		boolean takesOne(String name) {
			return this.single.contains(name) || (!this.names.contains(name) && byPrefix(name));
		}

		private boolean byPrefix(String name) {
			return this.prefixes.stream().anyMatch(name::startsWith);
		}

		private static boolean takesMany(Class<?> type) {
			return type.isArray() || Collection.class.isAssignableFrom(type);
		}

	}

	/** Parameters the operation does not read, or one given twice. */
	static class UnknownParameters extends ApiException {

		UnknownParameters(List<FieldError> errors) {
			super(ErrorCode.VALIDATION_FAILED, "The request has invalid parameters.", errors);
		}

	}

}
