/**
 * Comments on tasks: written by members, edited by their author, deleted by their author
 * or a project admin.
 */
package dev.cairn.comments;
