package dev.cairn.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error codes of the rules a route enforces beyond the shape of its input, the
 * caller's access and the existence of what it names: a duplicate name (409), a limit
 * reached or a rule broken (422), wrong credentials (401). The OpenAPI description
 * declares each code's status on the route with the codes listed
 * ({@link OpenApiConventions}); the statuses every route shares (400, 401, 403, 404, 412,
 * 413, 415, 429, 503) follow from its parameters and security and need no annotation. A
 * route that answers a status its description does not declare fails the API tests.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Refuses {

	ErrorCode[] value();

}
