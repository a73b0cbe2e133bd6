package dev.cairn.members;

import java.time.Duration;
import java.util.Map;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import dev.cairn.platform.Purge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class InvitationPurges {

	/**
	 * Invitations that expired, or were answered or revoked (which expires them), a mail
	 * interval ago (project_invitations_expires_at_idx): until then the row remembers
	 * when its address was last mailed, so revoking and inviting again mails no more
	 * often.
	 */
	@Bean
	RecurringTask<Void> purgeExpiredInvitations(JdbcClient jdbc) {
		return Purge.job("purge-expired-invitations", Duration.ofHours(1), jdbc, """
				DELETE FROM project_invitations WHERE id IN (
				    SELECT id FROM project_invitations
				    WHERE expires_at < now() - :seconds * interval '1 second'
				    LIMIT :batch)
				""", Map.of("seconds", Invitations.MAIL_INTERVAL.toSeconds()));
	}

}
