package dev.cairn.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which fields of a task a change changed, as {@link TaskEvent.TaskUpdated} names them.
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

}
