package org.slaescalation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a load balancer that terminates TLS: the proxy's {@code X-Forwarded-*} headers (from a proxy on a private
 * or loopback address, as this test's client is) make the service's redirects point at the address users reach, not
 * at the node's own.
 */
@ApplicationTest
class ForwardedHeadersTest {

  @LocalServerPort int port;

  @Test
  void aRedirectBehindTheProxyNamesTheProxysAddress() {
    WebSession.Response answer = WebSession.anonymous(port).send("GET", "/review", null, null, Map.of(
        "X-Forwarded-Proto", "https", "X-Forwarded-Host", "escalation.example.com", "X-Forwarded-Port", "443",
        "X-Forwarded-For", "203.0.113.7"));

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.header("Location")).isEqualTo("https://escalation.example.com/login");
  }

  @Test
  void withoutAProxyTheRedirectNamesTheNode() {
    WebSession.Response answer = WebSession.anonymous(port).get("/review");

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.header("Location")).isEqualTo("http://localhost:" + port + "/login");
  }
}
