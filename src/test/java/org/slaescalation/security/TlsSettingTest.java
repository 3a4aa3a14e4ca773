package org.slaescalation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** One property, {@code escalation.security.tls}, makes every cookie of the service {@code Secure}. */
class TlsSettingTest {

  @ParameterizedTest
  @ValueSource(strings = {"server.servlet.session.cookie.secure", "camunda.bpm.webapp.session-cookie.enable-secure-cookie",
      "camunda.bpm.webapp.csrf.enable-secure-cookie"})
  void theTlsSettingSwitchesOnSecureCookies(String property) throws IOException {
    assertThat(environment(false).getProperty(property, Boolean.class)).isFalse();
    assertThat(environment(true).getProperty(property, Boolean.class)).isTrue();
  }

  private static StandardEnvironment environment(boolean tls) throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("command line",
        Map.of("escalation.security.tls", Boolean.toString(tls))));
    new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
        .forEach(environment.getPropertySources()::addLast);
    return environment;
  }
}
