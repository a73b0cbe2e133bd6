package dev.cairn.accounts;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.cairn.web.Caller;
import dev.cairn.web.Cursor;
import dev.cairn.web.Cursor.ListKey;
import dev.cairn.web.Page;
import dev.cairn.web.RequiresScope;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
class UserController {

	private final UserDirectoryRepository directory;

	private final Cursor cursors;

	UserController(UserDirectoryRepository directory, Cursor cursors) {
		this.directory = directory;
		this.cursors = cursors;
	}

	// Someone you share no project with does not exist, as far as you can tell.
	@RequiresScope(Caller.Scope.READ)
	@GetMapping("/{id}")
	UserProfileView user(Caller caller, @PathVariable UUID id) {
		return this.directory.findVisible(caller.userId(), id).orElseThrow(UserNotFound::new);
	}

	@RequiresScope(Caller.Scope.READ)
	@GetMapping
	ResponseEntity<Page<UserProfileView>> search(Caller caller, @RequestParam @NotBlank @Size(max = 100) String q,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit,
			@RequestParam(required = false) @Size(max = 1024) String cursor, HttpServletRequest request) {
		// A page of one caller's search for one text: the results are theirs alone.
		ListKey list = ListKey.of("users", caller.userId(), q.strip());
		String afterName = null;
		UUID afterId = null;
		if (cursor != null) {
			List<String> position = this.cursors.decode(list, cursor, 2);
			afterName = position.get(0);
			afterId = UUID.fromString(position.get(1));
		}
		List<UserProfileView> rows = this.directory.search(caller.userId(), q.strip(), afterName, afterId, limit + 1);
		return this.cursors.page(list, rows, limit, (user) -> List.of(user.displayName(), user.id().toString()))
			.toResponse(request);
	}

}
