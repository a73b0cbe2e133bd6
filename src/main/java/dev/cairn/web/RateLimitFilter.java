package dev.cairn.web;

import java.io.IOException;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import dev.cairn.platform.RateLimits;
import dev.cairn.platform.RateLimits.Budget;
import dev.cairn.platform.RateLimits.Decision;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's rate limits: every request takes one from its caller's budget (per user, per
 * personal token, or per client address without credentials), and a full-text search also
 * from the smaller search budget. Every response says where the caller stands
 * ({@code RateLimit-Limit}, {@code -Remaining}, {@code -Reset}, {@code -Policy}); a
 * request over budget gets 429 with {@code Retry-After} and changes nothing. Health
 * checks are not counted.
 */
@Component
@Order(RateLimitFilter.ORDER)
class RateLimitFilter extends OncePerRequestFilter {

	/**
	 * After Spring Security's filters, so the caller is known; before idempotent replays,
	 * which count too.
	 */
	static final int ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 5;

	private final RateLimits limits;

	private final RateLimitSettings settings;

	private final JsonMapper json;

	private final MeterRegistry meters;

	RateLimitFilter(RateLimits limits, RateLimitSettings settings, JsonMapper json, MeterRegistry meters) {
		this.limits = limits;
		this.settings = settings;
		this.json = json;
		this.meters = meters;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.settings.enabled() || request.getRequestURI().startsWith("/actuator/")
				|| "OPTIONS".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Caller caller = Caller.current().orElse(null);
		String who = (caller == null) ? "ip:" + ClientAddress.key(request)
				: (caller.personalToken() ? "token:" + caller.personalTokenId() : "user:" + caller.userId());
		String name = (caller == null) ? "anonymous" : "authenticated";
		Budget budget = (caller == null) ? this.settings.anonymous().budget() : this.settings.authenticated().budget();
		Decision decision = this.limits.take("api:" + who, budget);
		if (decision.allowed() && isSearch(request)) {
			Decision search = this.limits.take("search:" + who, this.settings.search().budget());
			// The headers describe the budget closest to running out.
			if (!search.allowed() || search.remaining() < decision.remaining()) {
				name = "search";
				budget = this.settings.search().budget();
				decision = search;
			}
		}
		response.setHeader("RateLimit-Limit", String.valueOf(budget.capacity()));
		response.setHeader("RateLimit-Remaining", String.valueOf(decision.remaining()));
		response.setHeader("RateLimit-Reset", String.valueOf(RateLimited.seconds(decision.untilFull())));
		response.setHeader("RateLimit-Policy", budget.capacity() + ";w=" + budget.period().toSeconds());
		if (decision.allowed()) {
			chain.doFilter(request, response);
			return;
		}
		this.meters.counter("cairn.rate_limit.rejected", "budget", name).increment();
		long retryAfter = RateLimited.seconds(decision.untilNext());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
		Problems.write(response, this.json, Problems.of(ErrorCode.RATE_LIMITED,
				"Too many requests; try again in " + retryAfter + " seconds.", request.getRequestURI()));
	}

	// A query (q) is a full-text search: tasks, people.
	private static boolean isSearch(HttpServletRequest request) {
		String query = "GET".equals(request.getMethod()) ? request.getParameter("q") : null;
		return query != null && !query.isBlank();
	}

}
