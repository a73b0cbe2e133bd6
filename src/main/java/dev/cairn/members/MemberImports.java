package dev.cairn.members;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Memberships as they were: for seed data (and later for restoring an export). No checks
 * and no events: the caller vouches for them.
 */
@Component
public class MemberImports {

	private final MemberRepository members;

	MemberImports(MemberRepository members) {
		this.members = members;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void insert(UUID projectId, UUID userId, Role role) {
		this.members.insert(projectId, userId, role);
	}

}
