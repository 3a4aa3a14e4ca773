package org.slaescalation.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.slaescalation.notification.MailDelivery;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: where agents, team leads, operators and reviewers go from here, each to what their role opens. */
@Controller
class StartPageController {

  private final MailDelivery mailDelivery;

  StartPageController(MailDelivery mailDelivery) {
    this.mailDelivery = mailDelivery;
  }

  @GetMapping("/")
  String start(Authentication user, Model model) {
    boolean loggedIn = user != null && user.isAuthenticated();
    Set<String> groups = loggedIn ? user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("GROUP_")).map(a -> a.substring("GROUP_".length())).collect(Collectors.toSet())
        : Set.of();
    boolean admin = groups.contains("camunda-admin");
    boolean lead = groups.stream().anyMatch(g -> g.endsWith("-leads"));
    boolean agent = groups.stream().anyMatch(g -> Set.of("support", "engineering", "sysadmin").contains(g));
    model.addAttribute("user", loggedIn ? user.getName() : null);
    // Before a login every link shows, with whom it is for; after it, the links the user's role opens.
    model.addAttribute("showTasklist", !loggedIn || admin || lead || agent);
    model.addAttribute("showCockpit", !loggedIn || admin);
    model.addAttribute("showReview", !loggedIn || admin || lead);
    model.addAttribute("showBoard", !loggedIn || admin || lead || agent);
    model.addAttribute("showReports", !loggedIn || admin || lead);
    model.addAttribute("showOutbox", mailDelivery.keepsMailsForOutbox() && (!loggedIn || admin));
    return "start";
  }
}
