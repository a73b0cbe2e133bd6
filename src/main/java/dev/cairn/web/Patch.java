package dev.cairn.web;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One field of a change as a JSON Merge Patch (RFC 7386) says it: absent (leave it),
 * cleared ({@code null}: remove the value) or set. The field type of the command records
 * services take ({@code TaskPatch}), so that a service never sees the JSON and every face
 * (REST, GraphQL, imports, the web UI) says the same three things the same way.
 */
public sealed interface Patch<T> {

	static <T> Patch<T> absent() {
		return new Absent<>();
	}

	static <T> Patch<T> cleared() {
		return new Cleared<>();
	}

	static <T> Patch<T> of(T value) {
		return new Set<>(value);
	}

	/** Set to the value, or cleared when it is null. */
	static <T> Patch<T> ofNullable(T value) {
		return (value != null) ? of(value) : cleared();
	}

	/** A member as {@link MergePatch} read it: empty is absent, a null value cleared. */
	static <T> Patch<T> from(Optional<MergePatch.Change<T>> member) {
		return member.map((change) -> Patch.ofNullable(change.value())).orElseGet(Patch::absent);
	}

	default boolean isAbsent() {
		return this instanceof Absent;
	}

	/** The field's value after the patch: the current one when absent. */
	default T applyTo(T current) {
		return switch (this) {
			case Absent<T> absent -> current;
			case Cleared<T> cleared -> null;
			case Set<T> set -> set.value();
		};
	}

	default <R> Patch<R> map(Function<? super T, ? extends R> mapping) {
		return switch (this) {
			case Absent<T> absent -> absent();
			case Cleared<T> cleared -> cleared();
			case Set<T> set -> of(mapping.apply(set.value()));
		};
	}

	record Absent<T>() implements Patch<T> {
	}

	record Cleared<T>() implements Patch<T> {
	}

	record Set<T>(T value) implements Patch<T> {

		public Set {
			Objects.requireNonNull(value, "a set field has a value; a null one is cleared");
		}

	}

}
