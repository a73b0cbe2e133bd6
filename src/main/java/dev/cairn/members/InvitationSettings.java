package dev.cairn.members;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Invitations to projects (docs/operations.md).
 *
 * @param ttl How long an invitation can be accepted; inviting the address again starts it
 * anew.
 */
@Validated
@ConfigurationProperties("cairn.invitations")
record InvitationSettings(@NotNull @DefaultValue("14d") Duration ttl) {

	InvitationSettings {
		if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
			throw new IllegalArgumentException("cairn.invitations.ttl must be positive");
		}
	}

}
