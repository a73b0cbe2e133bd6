package dev.cairn.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope a personal access token needs for a route. Every route of the API declares
 * either this or {@link SessionOnly}; {@code RouteScopeTests} fails on one that declares
 * neither, and {@link ScopeInterceptor} refuses tokens on it (deny by default), so a new
 * route cannot quietly fall to the weakest scope.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresScope {

	Caller.Scope value();

}
