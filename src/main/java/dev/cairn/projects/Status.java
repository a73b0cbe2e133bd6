package dev.cairn.projects;

import java.util.UUID;

/**
 * A workflow state of a project; its category gives it meaning across projects.
 */
record Status(UUID id, String name, String category, int position) {

}
