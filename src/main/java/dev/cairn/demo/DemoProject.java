package dev.cairn.demo;

import java.util.List;

/**
 * The demo projects and how many tasks each gets.
 */
record DemoProject(String key, String name, String description, int tasks) {

	static final List<DemoProject> ALL = List.of(
			new DemoProject("CAIRN", "Cairn Platform", "The tracker itself: API, storage and background jobs.", 1400),
			new DemoProject("WEB", "Website Relaunch", "New marketing site, docs portal and blog.", 900),
			new DemoProject("OPS", "Operations", "Infrastructure, monitoring and on-call.", 700));

}
