package org.slaescalation.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Users a test creates for itself, so that what it does to them (wrong passwords, assignments) is its own. */
public final class TestUsers {

  private TestUsers() {}

  /** Creates a user {@code prefix<nanos>} with the password, in the group, and returns its id. */
  public static String create(IdentityService identityService, String prefix, String password, String group) {
    String id = prefix + System.nanoTime();
    User user = identityService.newUser(id);
    user.setFirstName(prefix);
    user.setLastName("Test");
    user.setEmail(id + "@example.com");
    user.setPassword(password);
    identityService.saveUser(user);
    identityService.createMembership(id, group);
    return id;
  }
}
