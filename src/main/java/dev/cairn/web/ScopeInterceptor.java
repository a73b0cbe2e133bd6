package dev.cairn.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces the scopes of personal access tokens for every route in one place: a token
 * needs the scope its route declares with {@link RequiresScope}; a route marked
 * {@link SessionOnly}, or one that declares nothing, is closed to tokens.
 */
class ScopeInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Caller caller = Caller.current().orElse(null);
		if (handler instanceof HandlerMethod method && caller != null) {
			check(caller, method);
		}
		return true;
	}

	/**
	 * Throws {@link InsufficientScope} unless the caller may call this route: anyone
	 * signed in may, a personal access token only with the route's scope.
	 */
	static void check(Caller caller, HandlerMethod method) {
		if (!caller.personalToken()) {
			return;
		}
		RequiresScope declared = method.getMethodAnnotation(RequiresScope.class);
		Caller.Scope needed = (declared != null) ? declared.value() : null;
		if (needed == null) {
			throw new InsufficientScope("Personal access tokens cannot do this; sign in instead.");
		}
		if (!caller.may(needed)) {
			throw new InsufficientScope("This needs a token with the '" + needed.name().toLowerCase() + "' scope.");
		}
	}

}
