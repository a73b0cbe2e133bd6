package dev.cairn.comments;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * Only a comment's author edits it; an admin may delete it, not rewrite it.
 */
class NotTheAuthor extends ApiException {

	NotTheAuthor() {
		super(ErrorCode.ROLE_FORBIDS, "Only the author may edit a comment.");
	}

}
