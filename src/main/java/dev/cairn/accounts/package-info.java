/**
 * User accounts: users and their profiles, password hashing, instance administrators.
 */
package dev.cairn.accounts;
