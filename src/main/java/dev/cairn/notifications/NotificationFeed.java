package dev.cairn.notifications;

import java.util.List;
import java.util.UUID;

import dev.cairn.web.Cursor;
import dev.cairn.web.Cursor.ListKey;
import dev.cairn.web.Page;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's in-app notifications: their own only, newest first, read one at a time or all
 * at once.
 */
@Service
class NotificationFeed {

	private final NotificationRepository notifications;

	private final Cursor cursors;

	NotificationFeed(NotificationRepository notifications, Cursor cursors) {
		this.notifications = notifications;
		this.cursors = cursors;
	}

	@Transactional(readOnly = true)
	Page<Notification> page(UUID userId, boolean unreadOnly, String cursor, int limit) {
		// A cursor of the unread feed is no position in the whole feed, and the other way
		// round: each list signs its own.
		ListKey kind = ListKey.of(unreadOnly ? "notifications:unread" : "notifications", userId);
		UUID after = this.cursors.afterId(kind, cursor);
		List<Notification> rows = this.notifications.findPage(userId, unreadOnly, after, limit + 1);
		return this.cursors.page(kind, rows, limit, (notification) -> List.of(notification.id().toString()));
	}

	@Transactional
	void markRead(UUID userId, UUID notificationId) {
		if (!this.notifications.markRead(userId, notificationId)) {
			throw new NotificationNotFound();
		}
	}

	@Transactional
	void markAllRead(UUID userId) {
		this.notifications.markAllRead(userId);
	}

}
