package dev.cairn.comments;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * No comment with this id on a live task the caller may see.
 */
class CommentNotFound extends ApiException {

	CommentNotFound() {
		super(ErrorCode.COMMENT_NOT_FOUND, "No such comment.");
	}

}
