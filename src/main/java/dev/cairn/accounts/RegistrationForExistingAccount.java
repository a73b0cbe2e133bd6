package dev.cairn.accounts;

/**
 * Someone tried to register an email that already has an account. The caller was told
 * nothing; the owner of the address may be told by mail.
 */
public record RegistrationForExistingAccount(String email) {

}
