package dev.cairn.testing;

/**
 * The second lane of the test run (src/test/resources/junit-platform.properties): a class
 * that brings its own database, PostgreSQL server or Cairn nodes, captures no output and
 * sets no log level may run beside the others, one such class at a time:
 *
 * <pre>
 * &#64;Execution(ExecutionMode.CONCURRENT)
 * &#64;ResourceLock(SideLane.NAME)
 * </pre>
 *
 * The lock also keeps the class's own tests one after another. A class that reads what
 * the JVM prints or changes log levels says {@code @Isolated} instead: nothing runs
 * beside it.
 */
public final class SideLane {

	/** The lock the classes of the side lane share. */
	public static final String NAME = "cairn.side-lane";

	private SideLane() {
	}

}
