package dev.cairn.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope a personal access token needs for a route that changes something. GET and
 * HEAD need {@link Caller.Scope#READ}; any other route without this annotation is closed
 * to personal access tokens (deny by default) and open to signed-in sessions only.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresScope {

	Caller.Scope value();

}
