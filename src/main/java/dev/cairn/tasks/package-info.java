/**
 * Tasks within a project: numbers (KEY-123), status and completion, priority, assignee,
 * dates, board position, trash and restore.
 */
package dev.cairn.tasks;
