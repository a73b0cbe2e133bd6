package dev.cairn.web;

/**
 * One invalid input: which field (a JSON path such as {@code profile.timezone}) and why.
 */
public record FieldError(String field, String message) {

}
