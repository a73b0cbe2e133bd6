package dev.cairn.accounts;

/**
 * Who an OpenID Connect provider says signed in.
 *
 * @param provider the registration name in Cairn's configuration, for example
 * {@code google}
 * @param subject the provider's stable id for the person ({@code sub})
 * @param email the address the provider gives, if any
 * @param emailVerified whether the provider vouches for the address
 * @param name a display name, if the provider gives one
 */
public record ProviderIdentity(String provider, String subject, String email, boolean emailVerified, String name) {

}
