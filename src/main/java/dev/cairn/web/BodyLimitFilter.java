package dev.cairn.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The request body limit ({@link WebSettings#maxBodySize()}), for every route. Tomcat
 * only limits form posts, so a JSON body needs this: a declared {@code Content-Length}
 * over the limit is refused before anything reads it, and a chunked body fails the read
 * that crosses the limit. Both end as 413 problem+json.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // after RequestIdFilter, before anything reads
class BodyLimitFilter extends OncePerRequestFilter {

	private final long limit;

	private final JsonMapper json;

	BodyLimitFilter(WebSettings settings, JsonMapper json) {
		this.limit = settings.maxBodySize().toBytes();
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.limit) {
			reject(request, response, new BodyTooLarge(this.limit));
			return;
		}
		try {
			chain.doFilter(new LimitedRequest(request, this.limit), response);
		}
		catch (BodyTooLarge ex) {
			// Read by a filter (the idempotency check reads the body first); reads inside
			// Spring MVC are answered by ProblemDetailsAdvice.
			if (response.isCommitted()) {
				throw ex;
			}
			response.resetBuffer();
			reject(request, response, ex);
		}
	}

	private void reject(HttpServletRequest request, HttpServletResponse response, BodyTooLarge ex) throws IOException {
		Problems.write(response, this.json,
				Problems.of(ErrorCode.PAYLOAD_TOO_LARGE, ex.getMessage(), request.getRequestURI()));
	}

	/** A request whose body cannot be read past the limit, however it is read. */
	static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private LimitedInputStream stream;

		private BufferedReader reader;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.reader != null) {
				throw new IllegalStateException("getReader() has already been called for this request");
			}
			if (this.stream == null) {
				this.stream = new LimitedInputStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			if (this.reader == null) {
				if (this.stream != null) {
					throw new IllegalStateException("getInputStream() has already been called for this request");
				}
				String encoding = getCharacterEncoding();
				Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
				this.reader = new BufferedReader(
						new InputStreamReader(new LimitedInputStream(super.getInputStream(), this.limit), charset));
			}
			return this.reader;
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long count;

		LimitedInputStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b != -1) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		private void counted(int n) throws BodyTooLarge {
			this.count += n;
			if (this.count > this.limit) {
				throw new BodyTooLarge(this.limit);
			}
		}

		@Override
		public int available() throws IOException {
			return this.delegate.available();
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

	}

}
