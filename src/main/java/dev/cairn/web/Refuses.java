package dev.cairn.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error codes a route answers beyond what its OpenAPI description derives from its
 * input, its security and its path: a duplicate name (409), a limit reached or a rule
 * broken (422), wrong credentials (401), a caller whose account is gone (404 on
 * {@code /me}). {@link OpenApiConventions} declares each code's status on the route and
 * lists the codes; the statuses routes share (400, 401, 403, 404, 406, 412, 413, 415,
 * 429, 500, 503) need no annotation. An API test that gets a status the description does
 * not declare fails, naming the route.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Refuses {

	ErrorCode[] value();

}
