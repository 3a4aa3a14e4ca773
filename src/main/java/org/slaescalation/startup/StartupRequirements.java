package org.slaescalation.startup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Settings without which the service must not start, checked before any bean (and so before the engine touches the
 * database): every problem is reported at once, each naming its property and the fix.
 *
 * <ul>
 *   <li>Always: a first administrator ({@code camunda.bpm.admin-user.id} and {@code .password}; created when missing,
 *       never changed when it exists), because Camunda's webapps otherwise let anyone create one; and authorization
 *       checks on ({@code camunda.bpm.authorization.enabled}), because without them every user may do everything.
 *   <li>In the {@code prod} profile: a mail server ({@code spring.mail.host}) and a production database
 *       ({@code spring.datasource.url} at PostgreSQL, not the embedded H2 default); the key that signs the customers'
 *       survey links ({@code escalation.csat.secret}), set by the operator rather than generated; and not together
 *       with {@code demo}.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class StartupRequirements {

  static final String PROD = "prod";
  static final String DEMO = "demo";

  @Bean
  static BeanFactoryPostProcessor startupRequirementsCheck(Environment environment) {
    return beanFactory -> {
      List<String> problems = problems(environment);
      if (!problems.isEmpty()) {
        throw new StartupRequirementsException(problems);
      }
    };
  }

  static List<String> problems(Environment environment) {
    List<String> problems = new ArrayList<>();
    boolean prod = Arrays.asList(environment.getActiveProfiles()).contains(PROD);
    if (blank(environment, "camunda.bpm.admin-user.id") || blank(environment, "camunda.bpm.admin-user.password")) {
      problems.add("camunda.bpm.admin-user.id and camunda.bpm.admin-user.password: no first administrator is"
          + " configured; set both (in the prod profile through the environment variables CAMUNDA_BPM_ADMIN_USER_ID"
          + " and CAMUNDA_BPM_ADMIN_USER_PASSWORD). The user is created at start-up when it does not exist and is"
          + " never changed when it does; keep the settings, start-up checks them every time");
    }
    if (!environment.getProperty("camunda.bpm.authorization.enabled", Boolean.class, false)) {
      problems.add("camunda.bpm.authorization.enabled is false: without authorization checks every user may deploy"
          + " code, delete tickets and manage users; remove the setting (application.yaml sets it to true)");
    }
    if (prod) {
      if (Arrays.asList(environment.getActiveProfiles()).contains(DEMO)) {
        problems.add("spring.profiles.active: the profiles prod and demo exclude each other; demo creates users"
            + " whose password is their name and opens sample tickets");
      }
      if (blank(environment, "spring.mail.host")) {
        problems.add("spring.mail.host is not set: the prod profile sends mail through an SMTP server; set"
            + " spring.mail.host (and spring.mail.port, username, password as your server needs)");
      }
      if (blank(environment, "escalation.csat.secret")) {
        problems.add("escalation.csat.secret is not set: it signs the links of the satisfaction survey mailed when a"
            + " ticket closes; set it (environment variable ESCALATION_CSAT_SECRET) to a random value of at least"
            + " 32 characters, e.g. from `openssl rand -base64 32`, the same on every node, and keep it secret");
      }
      String url = environment.getProperty("spring.datasource.url", "");
      if (!url.startsWith("jdbc:postgresql:")) {
        String what = url.isBlank() ? "not set" : url.startsWith("jdbc:h2:") ? "the embedded H2 database (" + url
            + ")" : url;
        problems.add("spring.datasource.url is " + what + ": the prod profile runs on PostgreSQL, the database its"
            + " indexes, start-up lock and fault tests are made for; set spring.datasource.url, username and"
            + " password to PostgreSQL, e.g. jdbc:postgresql://db.example.com:5432/escalation");
      }
    }
    return problems;
  }

  private static boolean blank(Environment environment, String property) {
    String value = environment.getProperty(property);
    return value == null || value.isBlank();
  }
}
