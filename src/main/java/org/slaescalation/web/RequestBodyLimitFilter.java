package org.slaescalation.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 413 to a request whose body is larger than {@code escalation.web.max-request-size}, on every path, before
 * anything reads it. A body of declared length is refused on its {@code Content-Length}; a chunked body is read up to
 * the limit into memory first and refused as soon as it exceeds it (a chunked form post is left to the container's
 * own limit, {@code server.tomcat.max-http-form-post-size}, set to the same size).
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

  private final long limit;

  RequestBodyLimitFilter(DataSize limit) {
    this.limit = limit.toBytes();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      refuse(request, response);
      return;
    }
    if (declared < 0 && request.getHeader("Transfer-Encoding") != null && !CachedBodyRequest.isFormPost(request)) {
      byte[] body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
      if (body.length > limit) {
        refuse(request, response);
        return;
      }
      chain.doFilter(new CachedBodyRequest(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    // The client may still be sending: close the connection rather than read the rest.
    response.setHeader("Connection", "close");
    Problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
        "The request body is larger than " + limit + " bytes, the most this service accepts"
            + " (escalation.web.max-request-size).", Map.of("maxBytes", limit));
  }
}
