package dev.cairn.accounts;

import java.util.UUID;

/**
 * A user's password was changed or reset; every session of theirs must end. Published
 * inside the transaction that changed it.
 *
 * @param reset whether it was reset through a mailed link (perhaps after a compromise)
 * rather than changed by someone who knew it
 */
public record PasswordChanged(UUID userId, boolean reset) {

}
