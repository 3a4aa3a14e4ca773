package org.slaescalation.review;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The review page of the deployed models. Its script and styles are bundled from {@code tools/review-ui} during the
 * build and served from {@code /review/assets/}.
 */
@Controller
class ReviewPageController {

  @GetMapping({"/review", "/review/"})
  String review() {
    return "review/index";
  }
}
