package org.slaescalation.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.server.Ssl;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Where links in mails start: the configured public URL, or else the address the server actually listens at. */
class PublicUrlTest {

  static PublicUrl publicUrl(String configured, ServerProperties server) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    if (server != null) {
      beans.addBean("server", server);
    }
    return new PublicUrl(new MailSettings("support@example.com", "test.invalid", configured),
        beans.getBeanProvider(ServerProperties.class));
  }

  @Test
  void unsetItIsTheServersActualPortAndContextPathOnceTheServerListens() {
    ServerProperties server = new ServerProperties();
    server.setPort(0);
    PublicUrl url = publicUrl(null, server);

    url.serverStarted(54321, "/escalation/");

    assertThat(url.get()).isEqualTo("http://localhost:54321/escalation");
    assertThat(url.configured()).isEmpty();
  }

  @Test
  void beforeTheServerListensTheConfiguredServerPortStandsIn() {
    ServerProperties server = new ServerProperties();
    server.setPort(9090);
    server.getServlet().setContextPath("/sla");

    assertThat(publicUrl(null, server).get()).isEqualTo("http://localhost:9090/sla");
    assertThat(publicUrl(null, null).get()).isEqualTo("http://localhost:8080");
  }

  @Test
  void aConfiguredPublicUrlWinsOverTheServersAddress() {
    PublicUrl url = publicUrl("https://escalation.example.com/support/", new ServerProperties());

    url.serverStarted(54321, "");

    assertThat(url.get()).isEqualTo("https://escalation.example.com/support");
    assertThat(url.configured()).contains("https://escalation.example.com/support");
  }

  @Test
  void serverAddressAndTlsShapeTheDefault() throws Exception {
    ServerProperties server = new ServerProperties();
    server.setAddress(InetAddress.getByName("10.1.2.3"));
    Ssl ssl = new Ssl();
    ssl.setEnabled(true);
    ssl.setBundle("server");
    server.setSsl(ssl);
    PublicUrl url = publicUrl(null, server);

    url.serverStarted(8443, "");

    assertThat(url.get()).isEqualTo("https://10.1.2.3:8443");
  }

  @Test
  void aWildcardAddressIsLocalhostAndAnIpv6AddressIsBracketed() throws Exception {
    assertThat(PublicUrl.host(InetAddress.getByName("0.0.0.0"))).isEqualTo("localhost");
    assertThat(PublicUrl.host(InetAddress.getByName("::"))).isEqualTo("localhost");
    assertThat(PublicUrl.host(InetAddress.getByName("::1"))).isEqualTo("[0:0:0:0:0:0:0:1]");
    assertThat(PublicUrl.host(null)).isEqualTo("localhost");
  }
}
