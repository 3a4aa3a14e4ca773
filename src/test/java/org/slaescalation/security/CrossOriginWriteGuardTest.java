package org.slaescalation.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The guard behind a proxy: the request addresses the node ({@code http://10.0.0.5:8080}), the browser's page is
 * at the public URL. The public URL is read per request, so that an unset one can follow the server's address.
 */
class CrossOriginWriteGuardTest {

  static int post(CrossOriginWriteGuard guard, String origin) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/tickets");
    request.setScheme("http");
    request.setServerName("10.0.0.5");
    request.setServerPort(8080);
    request.addHeader("Origin", origin);
    MockHttpServletResponse response = new MockHttpServletResponse();
    guard.doFilter(request, response, new MockFilterChain());
    return response.getStatus();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      https://escalation.example.com       | 200
      HTTPS://Escalation.Example.com:443   | 200
      http://10.0.0.5:8080                 | 200
      http://escalation.example.com        | 403
      https://escalation.example.com:8443  | 403
      https://evil.example                 | 403
      http://localhost:8080                | 403
      """)
  void theConfiguredPublicUrlIsTheOnlyOtherOriginAccepted(String origin, int status) throws Exception {
    CrossOriginWriteGuard guard = new CrossOriginWriteGuard(() -> "https://escalation.example.com/support");

    assertThat(post(guard, origin)).isEqualTo(status);
  }

  @Test
  void thePublicUrlIsReadPerRequest() throws Exception {
    String[] publicUrl = {"http://localhost:8080"};
    CrossOriginWriteGuard guard = new CrossOriginWriteGuard(() -> publicUrl[0]);
    assertThat(post(guard, "http://localhost:41234")).isEqualTo(403);

    publicUrl[0] = "http://localhost:41234";

    assertThat(post(guard, "http://localhost:41234")).isEqualTo(200);
    assertThat(post(guard, "http://localhost:8080")).isEqualTo(403);
  }
}
