package dev.cairn.activity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every event record there is, and its type name: found on the class path (the records
 * that implement {@link DomainEvent} under {@code dev.cairn}), so that a module adds an
 * event by writing its record, and nothing lists type names by hand.
 */
public final class EventTypes {

	private static final Map<String, List<Class<? extends DomainEvent>>> BY_NAME = scan();

	private EventTypes() {
	}

	/**
	 * The type name: the record's {@link EventName}, or its simple name split where a
	 * capital starts a word, the first word being the resource ({@code TaskCreated} is
	 * {@code task.created}, {@code MemberRoleChanged} is {@code member.role_changed}).
	 */
	public static String nameOf(Class<? extends DomainEvent> type) {
		EventName named = type.getAnnotation(EventName.class);
		if (named != null) {
			return named.value();
		}
		String[] words = type.getSimpleName().split("(?=\\p{Upper})");
		StringBuilder name = new StringBuilder(words[0].toLowerCase(java.util.Locale.ROOT)).append('.');
		for (int i = 1; i < words.length; i++) {
			name.append((i > 1) ? "_" : "").append(words[i].toLowerCase(java.util.Locale.ROOT));
		}
		return name.toString();
	}

	/** Every type name, sorted. */
	public static SortedSet<String> names() {
		return Collections.unmodifiableSortedSet(new TreeSet<>(BY_NAME.keySet()));
	}

	/** Every event record, in a stable order. */
	public static List<Class<? extends DomainEvent>> all() {
		return BY_NAME.values().stream().flatMap(List::stream).toList();
	}

	/**
	 * The records of a type name: one, but for a name two records share
	 * ({@code task.updated}: a change of fields, or of labels).
	 */
	static List<Class<? extends DomainEvent>> recordsNamed(String name) {
		return BY_NAME.getOrDefault(name, List.of());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, List<Class<? extends DomainEvent>>> scan() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(DomainEvent.class));
		List<Class<? extends DomainEvent>> found = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("dev.cairn")) {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(),
					EventTypes.class.getClassLoader());
			if (type.isRecord() && !type.getPackageName().endsWith(".testing")) {
				found.add((Class<? extends DomainEvent>) type);
			}
		}
		found.sort((a, b) -> a.getName().compareTo(b.getName()));
		Map<String, List<Class<? extends DomainEvent>>> byName = new LinkedHashMap<>();
		found.forEach((type) -> byName.computeIfAbsent(nameOf(type), (name) -> new ArrayList<>()).add(type));
		return Map.copyOf(byName);
	}

}
