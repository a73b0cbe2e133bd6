package dev.cairn.projects;

import dev.cairn.members.Role;

/**
 * A project as a member sees it: with their role, which says what they may do in it.
 */
public record ProjectView(Project project, Role role) {

}
