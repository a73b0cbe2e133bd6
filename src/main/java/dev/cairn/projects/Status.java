package dev.cairn.projects;

import java.util.UUID;

/**
 * A workflow state of a project; its category gives it meaning across projects.
 *
 * @param position its place on the board, 0 first
 */
public record Status(UUID id, String name, StatusCategory category, int position) {

}
