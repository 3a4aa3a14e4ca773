package org.slaescalation.demo;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users, one per role, for evaluation ({@code demo} profile only): agents of each team, a support team lead,
 * an integration (a CRM that opens tickets through the API) and a metrics scraper (a Prometheus server). The
 * administrator {@code demo} comes from {@code camunda.bpm.admin-user} in {@code application-demo.yaml}.
 */
@Component
@Profile("demo")
@Order(20)
class DemoUsers implements ApplicationRunner {

  /** A demo login: the password is the user id. */
  record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

  static final List<DemoUser> USERS = List.of(
      new DemoUser("sam", "Sam", "Support", List.of("support")),
      new DemoUser("sophie", "Sophie", "Support lead", List.of("support", "support-leads")),
      new DemoUser("erin", "Erin", "Engineer", List.of("engineering")),
      new DemoUser("sid", "Sid", "Sysadmin", List.of("sysadmin")),
      new DemoUser("crm", "CRM", "Integration", List.of("integration")),
      new DemoUser("prometheus", "Prometheus", "Metrics scraper", List.of("metrics")));

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  private final IdentityService identityService;

  DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@example.com");
        user.setPassword(demo.id());
        identityService.saveUser(user);
        LOG.info("Created demo user '{}' (password '{}') in {}", demo.id(), demo.id(), demo.groups());
      }
      // Also on a database from an earlier version, whose demo users lack the groups added since.
      for (String group : demo.groups()) {
        if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
          identityService.createMembership(demo.id(), group);
        }
      }
    }
    if (identityService.createUserQuery().userId("demo").memberOfGroup("support").count() == 0
        && identityService.createUserQuery().userId("demo").count() > 0) {
      // The administrator also sees the team queues, so one login shows the whole route.
      for (String group : List.of("support", "engineering", "sysadmin")) {
        identityService.createMembership("demo", group);
      }
    }
  }
}
