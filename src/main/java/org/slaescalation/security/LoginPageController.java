package org.slaescalation.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page of the service's own pages (the review page, the mail outbox). It logs in to Camunda's webapps as
 * well: one session for everything a person uses in a browser (see {@link WebappSessionSecurityContextRepository}).
 */
@Controller
class LoginPageController {

  @GetMapping("/login")
  String login(@RequestParam(required = false) String error, @RequestParam(required = false) String retryAfter,
      @RequestParam(name = "logged-out", required = false) String loggedOut, Model model) {
    if ("throttled".equals(error)) {
      model.addAttribute("error", "Too many wrong passwords. Try again in " + seconds(retryAfter) + " s.");
    } else if (error != null) {
      model.addAttribute("error", "Unknown user or wrong password.");
    }
    model.addAttribute("loggedOut", loggedOut != null);
    return "login";
  }

  /** The wait the login sent back with, 1 to 30 s; a made-up value in the address shows as the longest. */
  private static long seconds(String retryAfter) {
    try {
      return Math.max(1, Math.min(Long.parseLong(retryAfter == null ? "1" : retryAfter.strip()),
          LoginThrottle.MAX_DELAY.toSeconds()));
    } catch (NumberFormatException e) {
      return LoginThrottle.MAX_DELAY.toSeconds();
    }
  }
}
