package dev.cairn.accounts;

import java.util.UUID;

/**
 * A user's password was changed or reset; every session of theirs must end. Published
 * inside the transaction that changed it.
 */
public record PasswordChanged(UUID userId) {

}
