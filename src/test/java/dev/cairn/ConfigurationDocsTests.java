package dev.cairn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.YamlProcessor.MatchStatus;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/operations.md and the README against the settings themselves: the metadata the
 * build generates from the {@code ...Settings} records (names, defaults) and
 * application.yaml (the variables whose name is not the relaxed one, and the few settings
 * without a record). Each default is stated once, in the code, and every table and
 * sentence that repeats one must agree with it.
 */
class ConfigurationDocsTests {

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	private static final Path APPLICATION_YAML = Path.of("src/main/resources/application.yaml");

	private static final Path OPERATIONS = Path.of("docs/operations.md");

	private static final Path README = Path.of("README.md");

	private static final Pattern VARIABLE = Pattern.compile("\\bCAIRN_[A-Z0-9_]*[A-Z0-9]");

	private static final Pattern NAME = Pattern.compile("`(CAIRN_[A-Z0-9_]*[A-Z0-9]|cairn\\.[a-z0-9.<>-]*[a-z0-9>])`");

	// `CAIRN_JOBS_THREADS` (`16`) or `CAIRN_DATA_DIR` (default `./data`) in a sentence.
	private static final Pattern STATED_DEFAULT = Pattern
		.compile("`(CAIRN_[A-Z0-9_]*[A-Z0-9]|cairn\\.[a-z0-9.-]*[a-z0-9])` \\((?:`([^`]*)`\\)|default `([^`]*)`)");

	// ${CAIRN_TRUSTED_PROXIES:} or ${CAIRN_DATABASE_POOL_SIZE:10}
	private static final Pattern ALIAS = Pattern.compile("\\$\\{(CAIRN_[A-Z0-9_]+):([^}]*)}");

	private final Map<String, Setting> settings = settings();

	@Test
	void everyCairnSettingIsDocumented() {
		List<Row> rows = configurationRows();
		Set<String> undocumented = new TreeSet<>();
		for (Setting setting : this.settings.values()) {
			if (!setting.property().startsWith("cairn.") || setting.map()) {
				continue;
			}
			List<Row> documenting = rows.stream()
				.filter((row) -> row.names().stream().anyMatch((name) -> setting.equals(resolve(name))))
				.toList();
			if (documenting.isEmpty()) {
				undocumented.add(setting.property());
			}
		}
		assertThat(undocumented).as("settings missing from docs/operations.md, Configuration").isEmpty();
	}

	@Test
	void everyDefaultTheDocsStateIsTheSettingsOwn() {
		Map<String, String> wrong = new TreeMap<>();
		for (Path doc : docs()) {
			for (Row row : rows(read(doc))) {
				for (String name : row.names()) {
					check(doc, name, row.defaultCell(), wrong);
				}
			}
			Matcher stated = STATED_DEFAULT.matcher(read(doc));
			while (stated.find()) {
				String value = (stated.group(2) != null) ? stated.group(2) : stated.group(3);
				check(doc, stated.group(1), "`" + value + "`", wrong);
			}
		}
		assertThat(wrong).as("documented defaults that are not the settings' own").isEmpty();
	}

	@Test
	void everyDocumentedVariableExists() {
		Set<String> readByName = readByName();
		Set<String> unknown = new TreeSet<>();
		for (Path doc : docs()) {
			Matcher variable = VARIABLE.matcher(read(doc));
			while (variable.find()) {
				String name = variable.group();
				if (resolve(name) == null && !readByName.contains(name) && !underMap(name)) {
					unknown.add(name + " (" + doc + ")");
				}
			}
		}
		assertThat(unknown).as("variables the docs name that nothing reads").isEmpty();
	}

	@Test
	void everyDocumentedPropertyExists() {
		Set<String> unknown = new TreeSet<>();
		for (Row row : configurationRows()) {
			for (String name : row.names()) {
				if (name.startsWith("cairn.") && resolve(name) == null) {
					unknown.add(name);
				}
			}
		}
		assertThat(unknown).as("properties in docs/operations.md that no setting has").isEmpty();
	}

	@Test
	void theReadmeTableAgreesWithOperations() {
		Map<String, String> operations = new LinkedHashMap<>();
		for (Row row : configurationRows()) {
			row.names().forEach((name) -> operations.put(name, row.defaultCell()));
		}
		List<Row> readme = rows(section(read(README), "## Configuration"));
		assertThat(readme).isNotEmpty();
		for (Row row : readme) {
			for (String name : row.names()) {
				assertThat(operations).as("docs/operations.md's row for %s", name)
					.containsEntry(name, row.defaultCell());
			}
		}
	}

	@Test
	void applicationYamlStatesNoDefaultOfARecord() {
		Properties yaml = applicationYaml();
		Set<String> restated = new TreeSet<>();
		for (String key : yaml.stringPropertyNames()) {
			Setting setting = this.settings.get(key.replaceAll("\\[\\d+]$", ""));
			String value = yaml.getProperty(key);
			// Allowed: a variable of another name with no default of its own, or (for a
			// setting without a default) another setting's value.
			boolean alias = ALIAS.matcher(value).matches() && value.endsWith(":}");
			boolean derived = value.startsWith("${cairn.") && setting != null && setting.defaultValue() == null;
			if (setting != null && setting.fromRecord() && !alias && !derived) {
				restated.add(key + ": " + value);
			}
		}
		assertThat(restated).as("application.yaml lines that restate what a record says").isEmpty();
	}

	private void check(Path doc, String name, String cell, Map<String, String> wrong) {
		Setting setting = resolve(name);
		if (setting == null) {
			return;
		}
		String documented = cell.startsWith("(") ? null : firstCode(cell);
		boolean agrees = (setting.defaultValue() == null) ? documented == null
				: setting.defaultValue().equals(documented);
		if (!agrees) {
			wrong.put(name + " (" + doc + ")", "documented " + cell + ", the setting's default is "
					+ ((setting.defaultValue() != null) ? setting.defaultValue() : "none"));
		}
	}

	/**
	 * The setting a documented name stands for: a property, its relaxed environment
	 * variable, or a variable application.yaml maps onto a property; null for none.
	 */
	private Setting resolve(String name) {
		if (name.startsWith("cairn.")) {
			if (name.contains("<")) {
				Setting map = this.settings.get(name.substring(0, name.indexOf(".<")));
				return (map != null && map.map()) ? map : null;
			}
			return this.settings.get(name);
		}
		for (Setting setting : this.settings.values()) {
			if (name.equals(setting.variable()) || setting.relaxedVariable().equals(name)) {
				return setting;
			}
		}
		return null;
	}

	// CAIRN_OIDC_PROVIDERS_KEYCLOAK_ISSUERURI: a key of the map cairn.oidc.providers.
	private boolean underMap(String variable) {
		return this.settings.values()
			.stream()
			.anyMatch((setting) -> setting.map() && variable.startsWith(setting.relaxedVariable() + "_"));
	}

	private Map<String, Setting> settings() {
		Map<String, Setting> settings = new TreeMap<>();
		Properties yaml = applicationYaml();
		for (JsonNode property : JsonMapper.builder().build().readTree(METADATA.toFile()).get("properties")) {
			String name = property.get("name").asString();
			String type = property.get("type").asString();
			boolean fromRecord = property.path("sourceType").asString("").startsWith("dev.cairn.");
			String defaultValue = property.has("defaultValue") ? normalize(property.get("defaultValue")) : null;
			settings.put(name, new Setting(name, null, fromRecord ? defaultValue : yamlDefault(yaml, name),
					type.startsWith("java.util.Map"), fromRecord));
		}
		// Spring's own settings under a CAIRN_ name, and records' settings whose
		// variable is not the relaxed one.
		for (String key : yaml.stringPropertyNames()) {
			Matcher alias = ALIAS.matcher(yaml.getProperty(key));
			if (alias.matches()) {
				Setting known = settings.get(key);
				boolean fromRecord = known != null && known.fromRecord();
				String defaultValue = fromRecord ? known.defaultValue()
						: alias.group(2).isEmpty() ? null : alias.group(2);
				settings.put(key, new Setting(key, alias.group(1), defaultValue, false, fromRecord));
			}
		}
		return settings;
	}

	private static String yamlDefault(Properties yaml, String name) {
		String value = yaml.getProperty(name);
		if (value == null || value.contains("${cairn.")) {
			return null;
		}
		Matcher alias = ALIAS.matcher(value);
		if (alias.matches()) {
			return alias.group(2).isEmpty() ? null : alias.group(2);
		}
		return value.isEmpty() ? null : value;
	}

	// The processor writes a list's default as "[5s, 30s]"; the docs as 5s,30s.
	private static String normalize(JsonNode value) {
		String text = value.isString() ? value.asString() : value.toString();
		if (text.startsWith("[") && text.endsWith("]")) {
			text = text.substring(1, text.length() - 1).replace(", ", ",");
		}
		return text.isEmpty() ? null : text;
	}

	private static Properties applicationYaml() {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new FileSystemResource(APPLICATION_YAML));
		// The profile documents (dev) change logging only.
		yaml.setDocumentMatchers((document) -> document.containsKey("spring.config.activate.on-profile")
				? MatchStatus.NOT_FOUND : MatchStatus.FOUND);
		return yaml.getObject();
	}

	/** Variables Cairn or its launcher reads by name, not through a setting. */
	private static Set<String> readByName() {
		Set<String> names = new TreeSet<>();
		Pattern literal = Pattern.compile("\"(CAIRN_[A-Z0-9_]+)\"");
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter((path) -> path.toString().endsWith(".java")).toList()) {
				literal.matcher(read(source)).results().forEach((match) -> names.add(match.group(1)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		VARIABLE.matcher(read(Path.of("cairn"))).results().forEach((match) -> names.add(match.group()));
		return names;
	}

	private List<Row> configurationRows() {
		return rows(section(read(OPERATIONS), "## Configuration"));
	}

	private static List<Path> docs() {
		try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
			List<Path> all = new ArrayList<>(docs.filter((path) -> path.toString().endsWith(".md")).sorted().toList());
			all.add(README);
			return all;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The rows of every table that has a default column, by the names in its first cell.
	 */
	private static List<Row> rows(String markdown) {
		List<Row> rows = new ArrayList<>();
		int defaultColumn = -1;
		for (String line : markdown.lines().toList()) {
			if (!line.startsWith("|")) {
				defaultColumn = -1;
				continue;
			}
			List<String> cells = cells(line);
			if (defaultColumn == -1) {
				defaultColumn = cells.indexOf("default");
				defaultColumn = (defaultColumn == -1) ? -2 : defaultColumn;
			}
			else if (defaultColumn >= 0 && !cells.get(0).startsWith("---")) {
				Set<String> names = new LinkedHashSet<>();
				NAME.matcher(cells.get(0)).results().forEach((match) -> names.add(match.group(1)));
				if (!names.isEmpty()) {
					rows.add(new Row(List.copyOf(names), cells.get(defaultColumn)));
				}
			}
		}
		return rows;
	}

	// Cells split on the pipes that are not inside `code`.
	private static List<String> cells(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean code = false;
		for (char c : line.substring(1).toCharArray()) {
			if (c == '`') {
				code = !code;
			}
			if (c == '|' && !code) {
				cells.add(cell.toString().strip());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		return cells;
	}

	private static String firstCode(String cell) {
		Matcher code = Pattern.compile("`([^`]*)`").matcher(cell);
		return code.find() ? code.group(1) : cell;
	}

	private static String section(String markdown, String heading) {
		int start = markdown.indexOf("\n" + heading + "\n");
		assertThat(start).as(heading).isNotNegative();
		int end = markdown.indexOf("\n## ", start + heading.length() + 1);
		return markdown.substring(start, (end != -1) ? end : markdown.length());
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param property the Spring property
	 * @param variable the variable application.yaml maps onto it, when it is not the
	 * relaxed one
	 * @param defaultValue the default as the docs write it; null for none
	 * @param map whether it is a map whose keys are names (OIDC providers, throttle
	 * rules)
	 * @param fromRecord whether a {@code ...Settings} record holds it
	 */
	record Setting(String property, String variable, String defaultValue, boolean map, boolean fromRecord) {

		/**
		 * Spring Boot's environment variable for the property: cairn.web.max-body-size is
		 * CAIRN_WEB_MAX_BODY_SIZE.
		 */
		String relaxedVariable() {
			return this.property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
		}

	}

	record Row(List<String> names, String defaultCell) {
	}

}
