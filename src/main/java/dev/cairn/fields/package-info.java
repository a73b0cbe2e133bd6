/**
 * Custom fields of a project: typed definitions (text, number, date, checkbox, url,
 * select, multiselect, user) that its admins manage, and the rules by which tasks hold
 * values for them.
 */
package dev.cairn.fields;
