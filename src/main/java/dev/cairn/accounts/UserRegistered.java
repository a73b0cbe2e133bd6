package dev.cairn.accounts;

import java.util.UUID;

/**
 * A new account was created; its email address is not verified yet.
 */
public record UserRegistered(UUID userId, String email) {

}
