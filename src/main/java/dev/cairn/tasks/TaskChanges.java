package dev.cairn.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the activity log keeps of a task change: the fields that changed, and the task's
 * fields as they were and became.
 */
final class TaskChanges {

	private TaskChanges() {
	}

	static List<String> changes(Task before, Task after) {
		Map<String, Function<Task, Object>> fields = new LinkedHashMap<>();
		fields.put("title", Task::title);
		fields.put("description", Task::description);
		fields.put("statusId", Task::statusId);
		fields.put("priority", Task::priority);
		fields.put("assigneeId", Task::assigneeId);
		fields.put("parentId", Task::parentId);
		fields.put("startDate", Task::startDate);
		fields.put("dueDate", Task::dueDate);
		fields.put("estimate", (task) -> (task.estimate() != null) ? task.estimate().stripTrailingZeros() : null);
		fields.put("customFields", (task) -> TaskJson.tree(task.customFields()));
		return fields.entrySet()
			.stream()
			.filter((field) -> !Objects.equals(field.getValue().apply(before), field.getValue().apply(after)))
			.map(Map.Entry::getKey)
			.toList();
	}

	/**
	 * The snapshot with the description too: for a new task, and on both sides of a
	 * change of the description, so that listeners (mentions in notifications, webhooks)
	 * see the text without every other event carrying up to 100 000 characters.
	 */
	static Map<String, Object> snapshotWithDescription(Task task) {
		Map<String, Object> fields = snapshot(task);
		fields.put("description", task.description());
		return fields;
	}

	static Map<String, Object> snapshot(Task task) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("key", (task.projectKey() != null) ? task.key() : null);
		fields.put("title", task.title());
		fields.put("statusId", String.valueOf(task.statusId()));
		fields.put("priority", Priority.stored(task.priority()).value());
		fields.put("assigneeId", (task.assigneeId() != null) ? task.assigneeId().toString() : null);
		fields.put("parentId", (task.parentId() != null) ? task.parentId().toString() : null);
		fields.put("estimate", task.estimate());
		fields.put("customFields", TaskJson.tree(task.customFields()));
		fields.put("startDate", (task.startDate() != null) ? task.startDate().toString() : null);
		fields.put("dueDate", (task.dueDate() != null) ? task.dueDate().toString() : null);
		return fields;
	}

}
