package dev.cairn.members;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import dev.cairn.web.Caller;
import dev.cairn.web.Page;
import dev.cairn.web.RequiresScope;
import dev.cairn.web.SessionOnly;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invitations: the invitee's (their own, answered signed in) and a project's pending ones
 * (its admins'). Invitations are made by {@code POST /projects/{id}/members} with an
 * email ({@link MemberController}).
 */
@RestController
class InvitationController {

	private final Invitations invitations;

	InvitationController(Invitations invitations) {
		this.invitations = invitations;
	}

	@RequiresScope(Caller.Scope.READ)
	@GetMapping("/api/v1/me/invitations")
	ResponseEntity<Page<Invitation>> mine(Caller caller, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) @Size(max = 1024) String cursor, HttpServletRequest request) {
		return this.invitations.listForInvitee(caller.userId(), cursor, limit).toResponse(request);
	}

	// Accepting and declining join or refuse a project in the caller's name: no scope
	// lets a personal access token do it, a signed-in session only.
	@SessionOnly
	@PostMapping("/api/v1/invitations/{invitationId}/accept")
	Member accept(Caller caller, @PathVariable UUID invitationId) {
		return this.invitations.accept(caller.userId(), invitationId);
	}

	@SessionOnly
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PostMapping("/api/v1/invitations/{invitationId}/decline")
	ResponseEntity<Void> decline(Caller caller, @PathVariable UUID invitationId) {
		this.invitations.decline(caller.userId(), invitationId);
		return ResponseEntity.noContent().build();
	}

	// The list shows the addresses the admins typed: an admin's page, like the webhooks.
	@RequiresScope(Caller.Scope.ADMIN)
	@GetMapping("/api/v1/projects/{projectId}/invitations")
	ResponseEntity<Page<ProjectInvitation>> list(Caller caller, @PathVariable UUID projectId,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) @Size(max = 1024) String cursor, HttpServletRequest request) {
		return this.invitations.listForProject(caller.userId(), projectId, cursor, limit).toResponse(request);
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/api/v1/projects/{projectId}/invitations/{invitationId}")
	ResponseEntity<Void> revoke(Caller caller, @PathVariable UUID projectId, @PathVariable UUID invitationId) {
		this.invitations.revoke(caller.userId(), projectId, invitationId);
		return ResponseEntity.noContent().build();
	}

}
