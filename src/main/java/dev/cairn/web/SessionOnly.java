package dev.cairn.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route that no personal access token may call, whatever its scopes: credentials and
 * sessions themselves (tokens do not mint tokens, ADR 0007), and routes that are open to
 * everyone or authorized by something else (sign-in, one-click unsubscribe). The
 * alternative to {@link RequiresScope}; every route declares one of the two.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface SessionOnly {

}
