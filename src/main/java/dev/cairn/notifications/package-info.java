/**
 * Notifications: who hears about a change (assignees, participants, people mentioned), by
 * email and in the app, as each user prefers; due-date reminders and a daily digest.
 */
package dev.cairn.notifications;
