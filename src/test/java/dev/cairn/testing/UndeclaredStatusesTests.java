package dev.cairn.testing;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The check every integration test runs: a status the description does not declare for
 * the operation fails the test; a declared one, or a request to no described operation,
 * does not.
 */
class UndeclaredStatusesTests {

	private final UndeclaredStatuses check = new UndeclaredStatuses();

	private final Filter filter = new UndeclaredStatuses.Recorder().undeclaredStatuses().getFilter();

	@Test
	void aStatusTheOperationDoesNotDeclareFailsTheTest() throws Exception {
		this.check.beforeEach(null);
		answer("GET", "/api/v1/me", 409);
		assertThatThrownBy(() -> this.check.afterEach(null))
			.hasMessageContaining("GET /api/v1/me (meMe) answered 409, which it does not declare");
	}

	@Test
	void theMostSpecificPathIsTheOperation() throws Exception {
		this.check.beforeEach(null);
		// by-key/{key} rather than {taskId}/activity: neither declares 409, and the
		// message names the one Spring would route to.
		answer("GET", "/api/v1/tasks/by-key/ABC-1", 409);
		assertThatThrownBy(() -> this.check.afterEach(null)).hasMessageContaining("(taskGetByKey)");
	}

	@Test
	void declaredStatusesAndUndescribedRequestsPass() throws Exception {
		this.check.beforeEach(null);
		answer("GET", "/api/v1/me", 401);
		answer("POST", "/api/v1/projects", 409);
		answer("POST", "/api/v1/tasks/0190a4b2-0000-7000-8000-000000000000/move", 412);
		answer("GET", "/api/v1/no-such-thing", 404);
		answer("TRACE", "/api/v1/me", 405);
		answer("GET", "/api/v1/me", 200);
		assertThatCode(() -> this.check.afterEach(null)).doesNotThrowAnyException();
	}

	private void answer(String method, String path, int status) throws Exception {
		this.filter.doFilter(new MockHttpServletRequest(method, path), new MockHttpServletResponse(),
				(request, response) -> ((HttpServletResponse) response).setStatus(status));
	}

}
