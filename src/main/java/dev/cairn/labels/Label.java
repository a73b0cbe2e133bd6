package dev.cairn.labels;

import java.util.UUID;

/**
 * A label as stored and shown.
 */
public record Label(UUID id, String name, String color, String description) {

}
