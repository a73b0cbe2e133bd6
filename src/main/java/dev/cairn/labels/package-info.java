/**
 * Labels of a project (name, colour, description), managed by its admins.
 */
package dev.cairn.labels;
