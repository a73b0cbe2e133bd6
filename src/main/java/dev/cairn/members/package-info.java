/**
 * Project memberships and roles, invitations by email that become memberships when their
 * invitee accepts, and {@link dev.cairn.members.ProjectAccess}: the one place that
 * answers "may this user do this in this project".
 */
package dev.cairn.members;
