package dev.cairn.members;

import java.util.Optional;
import java.util.UUID;

import dev.cairn.platform.CacheRegion;
import dev.cairn.platform.Caches;
import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

import org.springframework.stereotype.Service;

/**
 * The one place that answers "may this user do this in this project". Someone who is not
 * a member gets the same answer as for a project that does not exist (404), so projects
 * never leak across teams; a member whose role does not allow the action gets 403.
 *
 * <p>
 * Nearly every request asks, so the answers are cached
 * ({@link CacheRegion#PROJECT_ROLES}, {@link CacheRegion#LIVE_PROJECTS}) and evicted on
 * every node by the writes that change them.
 */
@Service
public class ProjectAccess {

	private static final String LIVE = "live";

	private static final String NO_ROLE = "";

	private final MemberRepository members;

	private final Caches caches;

	ProjectAccess(MemberRepository members, Caches caches) {
		this.members = members;
		this.caches = caches;
	}

	/** The user's role in the project, if they are a member. */
	public Optional<Role> roleOf(UUID userId, UUID projectId) {
		return this.members.findRole(projectId, userId);
	}

	/**
	 * @return the user's role, which allows {@code capability}
	 * @throws ProjectNotFound when the user is not a member
	 * @throws RoleForbids when their role does not allow it
	 */
	public Role require(UUID userId, UUID projectId, Capability capability) {
		Role role = roleOf(userId, projectId).orElseThrow(ProjectNotFound::new);
		check(role, capability);
		return role;
	}

	/**
	 * As {@link #require}, for a project that is not in the trash: a trashed project is
	 * gone for everything but its restoration.
	 */
	public Role requireLive(UUID userId, UUID projectId, Capability capability) {
		Role role = liveRoleOf(userId, projectId).orElseThrow(ProjectNotFound::new);
		check(role, capability);
		return role;
	}

	/**
	 * @throws RoleForbids when the role does not allow the capability
	 */
	public void check(Role role, Capability capability) {
		if (!role.may(capability)) {
			throw new RoleForbids(role, capability);
		}
	}

	/**
	 * Whether the user is a member of the (live) project: who may be assigned work there.
	 */
	public boolean isMember(UUID userId, UUID projectId) {
		return liveRoleOf(userId, projectId).isPresent();
	}

	private Optional<Role> liveRoleOf(UUID userId, UUID projectId) {
		String live = this.caches.get(CacheRegion.LIVE_PROJECTS, projectId.toString(),
				() -> this.members.isLiveProject(projectId) ? LIVE : "gone");
		if (!LIVE.equals(live)) {
			return Optional.empty();
		}
		String role = this.caches.get(CacheRegion.PROJECT_ROLES, MemberRepository.roleKey(projectId, userId),
				() -> this.members.findRole(projectId, userId).map(Role::value).orElse(NO_ROLE));
		return role.equals(NO_ROLE) ? Optional.empty() : Optional.of(Role.of(role));
	}

	/** Makes the creator of a new project its owner. */
	public void addOwner(UUID projectId, UUID userId) {
		this.members.insert(projectId, userId, Role.OWNER);
	}

	/** The project does not exist, or the caller may not know that it does. */
	public static class ProjectNotFound extends ApiException {

		public ProjectNotFound() {
			super(ErrorCode.PROJECT_NOT_FOUND, "No such project.");
		}

	}

	/** The caller's role in the project does not allow the action. */
	public static class RoleForbids extends ApiException {

		RoleForbids(Role role, Capability capability) {
			super(ErrorCode.ROLE_FORBIDS,
					"A project " + role.value() + " may not do this (" + capability.value() + ").");
		}

	}

}
