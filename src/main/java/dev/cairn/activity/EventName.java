package dev.cairn.activity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The type name of an event record when it is not the one its name gives
 * ({@link EventTypes#nameOf}): kept for names published before the records existed, such
 * as {@code webhook.ping}, or {@code task.updated} for a change of labels.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface EventName {

	String value();

}
