package dev.cairn.members;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * The user added by id has no active account, or shares no live project with the caller:
 * one answer for both, so adding by id cannot tell who has an account.
 */
class UnknownColleague extends ApiException {

	UnknownColleague() {
		super(ErrorCode.USER_NOT_FOUND, "No active user with this id among the people you work with.");
	}

}
