/**
 * Projects: create, list, read, update, trash and restore, with their default workflow.
 */
package dev.cairn.projects;
