package org.slaescalation.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: where agents, operators and reviewers go from here. */
@Controller
class StartPageController {

  @GetMapping("/")
  String start() {
    return "start";
  }
}
