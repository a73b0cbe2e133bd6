/**
 * Project memberships and roles, and {@link dev.cairn.members.ProjectAccess}: the one
 * place that answers "may this user do this in this project".
 */
package dev.cairn.members;
