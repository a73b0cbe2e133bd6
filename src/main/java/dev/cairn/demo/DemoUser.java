package dev.cairn.demo;

import java.util.List;

/**
 * The demo accounts. Their passwords are published (printed by {@code seed-demo} and in
 * the README): demo data is for trying Cairn out, never for a real installation.
 */
record DemoUser(String email, String displayName, String password, String role) {

	static final List<DemoUser> ALL = List.of(
			new DemoUser("alice@example.com", "Alice Archer", "granite-harbor-71", "owner"),
			new DemoUser("bob@example.com", "Bob Brennan", "willow-compass-38", "admin"),
			new DemoUser("carol@example.com", "Carol Castillo", "lantern-meadow-52", "member"),
			new DemoUser("dave@example.com", "Dave Dimitrov", "copper-glacier-19", "viewer"));

}
