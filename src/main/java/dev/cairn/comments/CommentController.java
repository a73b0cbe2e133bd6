package dev.cairn.comments;

import java.net.URI;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.cairn.web.Caller;
import dev.cairn.web.ETags;
import dev.cairn.web.IfMatch;
import dev.cairn.web.Page;
import dev.cairn.web.RequiresScope;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CommentController {

	private final Comments comments;

	CommentController(Comments comments) {
		this.comments = comments;
	}

	@RequiresScope(Caller.Scope.READ)
	@GetMapping("/api/v1/tasks/{taskId}/comments")
	ResponseEntity<Page<Comment>> list(Caller caller, @PathVariable UUID taskId,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) @Size(max = 1024) String cursor, HttpServletRequest request) {
		return this.comments.list(caller.userId(), taskId, cursor, limit).toResponse(request);
	}

	@RequiresScope(Caller.Scope.WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/tasks/{taskId}/comments")
	ResponseEntity<Comment> create(Caller caller, @PathVariable UUID taskId, @Valid @RequestBody Body request) {
		Comment comment = this.comments.create(caller.userId(), taskId, new CommentText(request.body()));
		return ResponseEntity.created(URI.create("/api/v1/comments/" + comment.id()))
			.eTag(ETags.of(comment.version()))
			.body(comment);
	}

	@RequiresScope(Caller.Scope.WRITE)
	@PatchMapping(path = "/api/v1/comments/{commentId}",
			consumes = { "application/merge-patch+json", "application/json" })
	ResponseEntity<Comment> edit(Caller caller, @PathVariable UUID commentId, @Valid @RequestBody Body request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Comment comment = this.comments.edit(caller.userId(), commentId, new CommentText(request.body()),
				IfMatch.header(ifMatch));
		return ResponseEntity.ok().eTag(ETags.of(comment.version())).body(comment);
	}

	@RequiresScope(Caller.Scope.WRITE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/api/v1/comments/{commentId}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable UUID commentId) {
		this.comments.delete(caller.userId(), commentId);
		return ResponseEntity.noContent().build();
	}

	record Body(@NotBlank @Size(max = CommentText.MAX_BODY) String body) {
	}

}
