package dev.cairn.web;

import org.springframework.http.HttpStatus;

/**
 * Stable, documented error codes, grouped by feature. The code is part of the API: a
 * client may branch on it, so a code is never renamed or reused for another meaning.
 */
public enum ErrorCode {

	// HTTP and input
	MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "Malformed request"),
	VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "Validation failed"), NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
	PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED, "Precondition failed"),
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
	PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
	URI_TOO_LONG(HttpStatus.URI_TOO_LONG, "URI too long"),
	HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Request headers too large"),
	REQUEST_TIMEOUT(HttpStatus.REQUEST_TIMEOUT, "Request timeout"),
	RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
	DEPENDENCY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "A service Cairn depends on is unavailable"),
	IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused for another request"),
	IDEMPOTENCY_KEY_IN_USE(HttpStatus.CONFLICT, "A request with this idempotency key is in progress"),

	// Authentication and accounts
	UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication required"),
	INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "Invalid token"),
	INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED, "Invalid credentials"),
	INVALID_REFRESH_TOKEN(HttpStatus.UNAUTHORIZED, "Invalid refresh token"),
	FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"), INSUFFICIENT_SCOPE(HttpStatus.FORBIDDEN, "Insufficient scope"),
	WRONG_PASSWORD(HttpStatus.UNPROCESSABLE_CONTENT, "Current password is wrong"),
	INVALID_LINK_TOKEN(HttpStatus.BAD_REQUEST, "Invalid or expired link"),
	UNKNOWN_PROVIDER(HttpStatus.NOT_FOUND, "No such sign-in provider"),
	INVALID_SECOND_FACTOR(HttpStatus.UNAUTHORIZED, "Invalid second factor"),
	WRONG_CODE(HttpStatus.UNPROCESSABLE_CONTENT, "Wrong code"),
	TWO_FACTOR_ALREADY_ON(HttpStatus.CONFLICT, "Two-factor sign-in is already on"),
	TWO_FACTOR_NOT_STARTED(HttpStatus.CONFLICT, "Two-factor enrolment not started"),
	USER_NOT_FOUND(HttpStatus.NOT_FOUND, "User not found"),

	// Projects and members
	PROJECT_NOT_FOUND(HttpStatus.NOT_FOUND, "Project not found"),
	PROJECT_KEY_TAKEN(HttpStatus.CONFLICT, "Project key taken"),
	ROLE_FORBIDS(HttpStatus.FORBIDDEN, "Your role does not allow this"),
	ALREADY_MEMBER(HttpStatus.CONFLICT, "Already a member"), MEMBER_NOT_FOUND(HttpStatus.NOT_FOUND, "Member not found"),
	LAST_OWNER(HttpStatus.UNPROCESSABLE_CONTENT, "A project needs an owner"),
	INVITATION_NOT_FOUND(HttpStatus.NOT_FOUND, "Invitation not found"),

	// Statuses and labels
	STATUS_NOT_FOUND(HttpStatus.NOT_FOUND, "Status not found"),
	STATUS_NAME_TAKEN(HttpStatus.CONFLICT, "Status name taken"), STATUS_IN_USE(HttpStatus.CONFLICT, "Status in use"),
	LAST_STATUS(HttpStatus.UNPROCESSABLE_CONTENT, "A project needs a status"),
	TOO_MANY(HttpStatus.UNPROCESSABLE_CONTENT, "Limit reached"),
	LABEL_NOT_FOUND(HttpStatus.NOT_FOUND, "Label not found"), LABEL_NAME_TAKEN(HttpStatus.CONFLICT, "Label name taken"),

	// Custom fields
	FIELD_NOT_FOUND(HttpStatus.NOT_FOUND, "Custom field not found"),
	FIELD_NAME_TAKEN(HttpStatus.CONFLICT, "Custom field name taken"),
	FIELD_TYPE_IMMUTABLE(HttpStatus.UNPROCESSABLE_CONTENT, "A custom field's type cannot change"),

	// Webhooks
	WEBHOOK_NOT_FOUND(HttpStatus.NOT_FOUND, "Webhook not found"),
	WEBHOOK_URL_REFUSED(HttpStatus.UNPROCESSABLE_CONTENT, "Webhook URL refused"),
	WEBHOOK_DISABLED(HttpStatus.CONFLICT, "Webhook disabled"),
	DELIVERY_NOT_FOUND(HttpStatus.NOT_FOUND, "Delivery not found"),

	// Tasks
	TASK_NOT_FOUND(HttpStatus.NOT_FOUND, "Task not found"),
	INVALID_REFERENCE(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid reference"),
	PARENT_CYCLE(HttpStatus.UNPROCESSABLE_CONTENT, "A task cannot be below itself"),
	SUBTASKS_TOO_DEEP(HttpStatus.UNPROCESSABLE_CONTENT, "Subtasks nested too deep"),
	NOT_NEIGHBOURS(HttpStatus.CONFLICT, "The neighbours are not next to each other"),
	COMMENT_NOT_FOUND(HttpStatus.NOT_FOUND, "Comment not found"),

	// Notifications
	NOTIFICATION_NOT_FOUND(HttpStatus.NOT_FOUND, "Notification not found"),
	INVALID_UNSUBSCRIBE_TOKEN(HttpStatus.BAD_REQUEST, "Invalid unsubscribe link"),
	// Gone, not 401: the link will not work again by itself (signing in as its owner
	// and sending it along does), and a client that reads 401 as "session over"
	// would sign out.
	UNSUBSCRIBE_LINK_EXPIRED(HttpStatus.GONE, "Unsubscribe link expired");

	private final HttpStatus status;

	private final String title;

	ErrorCode(HttpStatus status, String title) {
		this.status = status;
		this.title = title;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	/** The code as it appears in responses, for example {@code invalid_credentials}. */
	public String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/** The problem {@code type}: a URN, since the codes are documented, not served. */
	public String type() {
		return "urn:cairn:problem:" + value();
	}

}
