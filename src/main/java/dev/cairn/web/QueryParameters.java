package dev.cairn.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Query parameters an operation reads by a prefix rather than by name (the task list's
 * {@code cf.<fieldId>} filters), which {@link QueryParameterCheck} lets through.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface QueryParameters {

	/** The prefixes, such as {@code "cf."}. */
	String[] prefixes();

}
