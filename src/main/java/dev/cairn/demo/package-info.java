/**
 * Demo data for trying Cairn out: users, projects, tasks, labels and comments, loaded by
 * the {@code seed-demo} command and never by a migration.
 */
package dev.cairn.demo;
