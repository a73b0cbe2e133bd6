package dev.cairn.members;

import java.net.URI;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.cairn.web.Caller;
import dev.cairn.web.ErrorCode;
import dev.cairn.web.Page;
import dev.cairn.web.Refuses;
import dev.cairn.web.RequiresScope;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/projects/{projectId}/members")
class MemberController {

	private static final String ROLES = "owner|admin|member|viewer";

	private final Members members;

	private final Invitations invitations;

	MemberController(Members members, Invitations invitations) {
		this.members = members;
		this.invitations = invitations;
	}

	@RequiresScope(Caller.Scope.READ)
	@GetMapping
	ResponseEntity<Page<Member>> list(Caller caller, @PathVariable UUID projectId,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) @Size(max = 1024) String cursor, HttpServletRequest request) {
		return this.members.list(caller.userId(), projectId, cursor, limit).toResponse(request);
	}

	/**
	 * By email: an invitation, 202 whatever the address (issue 16). By user id: someone
	 * who already shares a project with the caller becomes a member at once, 201.
	 */
	@ApiResponse(responseCode = "201",
			description = "Created: the member, added by `userId` (someone who shares a project with you)",
			content = @Content(schema = @Schema(implementation = Member.class)))
	@ApiResponse(responseCode = "202",
			description = "Accepted: the invitation, sent by `email`; the same answer whether or not the address has an account",
			content = @Content(schema = @Schema(implementation = ProjectInvitation.class)))
	@RequiresScope(Caller.Scope.ADMIN)
	@PostMapping
	@Refuses({ ErrorCode.ALREADY_MEMBER, ErrorCode.TOO_MANY })
	ResponseEntity<Object> add(Caller caller, @PathVariable UUID projectId, @Valid @RequestBody NewMember request) {
		Role role = Role.of(request.role());
		if (request.email() != null) {
			return ResponseEntity.accepted()
				.body(this.invitations.invite(caller.userId(), projectId, request.email(), role));
		}
		Member member = this.members.add(caller.userId(), projectId, request.userId(), role);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/members/" + member.userId()))
			.body(member);
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@PatchMapping(path = "/{userId}", consumes = { "application/merge-patch+json", "application/json" })
	@Refuses({ ErrorCode.LAST_OWNER })
	Member changeRole(Caller caller, @PathVariable UUID projectId, @PathVariable UUID userId,
			@Valid @RequestBody RoleChange request) {
		return this.members.changeRole(caller.userId(), projectId, userId, Role.of(request.role()));
	}

	// Leaving a project is removing yourself: a token does it only with admin.
	@RequiresScope(Caller.Scope.ADMIN)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/{userId}")
	@Refuses({ ErrorCode.LAST_OWNER })
	ResponseEntity<Void> remove(Caller caller, @PathVariable UUID projectId, @PathVariable UUID userId) {
		this.members.remove(caller.userId(), projectId, userId);
		return ResponseEntity.noContent().build();
	}

	record NewMember(UUID userId, @Email(regexp = ".+@.+\\..+") @Size(max = 254) String email,
			@NotNull @Pattern(regexp = ROLES, message = "must be owner, admin, member or viewer") String role) {

		@AssertTrue(message = "give exactly one of userId and email")
		boolean isOneTarget() {
			return (this.userId == null) != (this.email == null);
		}

	}

	record RoleChange(
			@NotNull @Pattern(regexp = ROLES, message = "must be owner, admin, member or viewer") String role) {
	}

}
