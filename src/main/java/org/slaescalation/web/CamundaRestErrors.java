package org.slaescalation.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST API ({@code /engine-rest} and the webapps' {@code <webapps>/api/**}) answers most refusals of the
 * engine with 500: an invalid query, a task already claimed, a task that does not exist, a BPMN error nothing
 * catches, a variable that may not be deserialized, a listener refusing a value. This filter keeps Camunda's error
 * body and gives the answer the status of what it is: 409 for a conflict, 404 for what does not exist, 403 for a
 * missing permission, 400 for the rest of what the request asked. Only failures of the server itself, the database
 * above all, stay 500.
 */
public class CamundaRestErrors extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Failures that are the server's, not the request's. */
  private static final Set<String> SERVER_FAULTS = Set.of("ProcessEnginePersistenceException", "PersistenceException",
      "SQLException", "CannotCreateTransactionException", "TransactionSystemException", "OutOfMemoryError",
      "StackOverflowError");
  private static final Set<String> CONFLICTS = Set.of("TaskAlreadyClaimedException", "OptimisticLockingException");

  private final String[] prefixes;

  public CamundaRestErrors(String webappPath) {
    this.prefixes = new String[] {"/engine-rest", webappPath + "/api/"};
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = Requests.path(request);
    for (String prefix : prefixes) {
      if (path.startsWith(prefix)) {
        return false;
      }
    }
    return true;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ErrorStatusResponse answer = new ErrorStatusResponse(response);
    chain.doFilter(request, answer);
    answer.finish();
  }

  /** The status an error body of Camunda's REST API deserves. */
  static int status(int original, byte[] body) {
    String type = "";
    String message = "";
    try {
      JsonNode error = JSON.readTree(body);
      if (error != null && error.isObject()) {
        type = error.path("type").asText("");
        message = error.path("message").asText("");
      }
    } catch (IOException notCamundasError) {
      return original;
    }
    String text = message.toLowerCase(Locale.ROOT);
    if (CONFLICTS.contains(type) || text.contains("already claimed") || text.contains("was updated by another")) {
      return HttpServletResponse.SC_CONFLICT;
    }
    // The message's start is Camunda's own (its persistence codes are ENGINE-03xxx); the rest may echo the request.
    if (SERVER_FAULTS.contains(type) || message.startsWith("ENGINE-03")) {
      return original;
    }
    if (text.contains("does not have") && text.contains("permission")) {
      return HttpServletResponse.SC_FORBIDDEN;
    }
    if ("NotFoundException".equals(type) || text.contains("cannot find") || text.contains("no matching")
        || text.contains("not found") || text.contains("does not exist") || text.contains("doesn't exist")) {
      return HttpServletResponse.SC_NOT_FOUND;
    }
    return HttpServletResponse.SC_BAD_REQUEST;
  }

  /** Passes answers through, but holds a 5xx answer's body until it knows which status the answer deserves. */
  private static final class ErrorStatusResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private int heldStatus;
    private ServletOutputStream stream;
    private PrintWriter writer;

    ErrorStatusResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setStatus(int status) {
      if (status >= 500) {
        heldStatus = status;
      } else {
        super.setStatus(status);
      }
    }

    @Override
    public int getStatus() {
      return heldStatus != 0 ? heldStatus : super.getStatus();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (heldStatus == 0) {
        return super.getOutputStream();
      }
      if (stream == null) {
        stream = new ServletOutputStream() {
          @Override
          public void write(int b) {
            held.write(b);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            held.write(bytes, offset, length);
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("error answers are written synchronously");
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (heldStatus == 0) {
        return super.getWriter();
      }
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
      }
      return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
      if (heldStatus == 0) {
        super.flushBuffer();
      }
    }

    void finish() throws IOException {
      if (heldStatus == 0) {
        return;
      }
      if (writer != null) {
        writer.flush();
      }
      byte[] body = held.toByteArray();
      HttpServletResponse response = (HttpServletResponse) getResponse();
      response.setStatus(status(heldStatus, body));
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }
}
