package dev.cairn.mail;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param from The sender of every message.
 */
@Validated
@ConfigurationProperties("cairn.mail")
record MailSettings(@NotBlank @DefaultValue("Cairn <cairn@localhost>") String from) {

}
