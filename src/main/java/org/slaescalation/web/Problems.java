package org.slaescalation.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * Writes RFC 7807 problem bodies from servlet filters, which answer before Spring MVC (and before Camunda's REST
 * API) sees a request, in the same shape as {@link ApiExceptionHandler}'s.
 */
public final class Problems {

  private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
      .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
      .build();

  private Problems() {}

  /**
   * Answers a request to Camunda's REST API or the webapps' API with a problem body that also has Camunda's member
   * {@code message} (the detail): Tasklist, Cockpit and Admin show an error's {@code message}, and without it only
   * the status.
   */
  public static void writeForCamunda(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
      String title, String detail, Map<String, ?> properties) throws IOException {
    Map<String, Object> withMessage = new LinkedHashMap<>(properties);
    withMessage.putIfAbsent("message", detail);
    write(request, response, status, title, detail, withMessage);
  }

  /**
   * Answers {@code status} with a problem body, unless the response is already committed.
   *
   * @param properties further members of the problem body, such as the {@code field} or {@code parameter} at fault
   */
  public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
      String detail, Map<String, ?> properties) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    try {
      problem.setInstance(URI.create(request.getRequestURI()));
    } catch (IllegalArgumentException notAUri) {
      // a request refused for its malformed path has no instance to name
    }
    properties.forEach(problem::setProperty);
    response.resetBuffer();
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), problem);
  }
}
