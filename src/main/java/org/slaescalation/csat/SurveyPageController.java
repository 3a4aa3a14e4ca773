package org.slaescalation.csat;

import java.time.Clock;
import java.util.Optional;
import org.slaescalation.ticket.TicketId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The survey page behind the link of the survey mail, {@code /csat/<token>}: no login, the signed token is the
 * permission. It asks for a rating of 1 to 5 and a comment and records the first answer per ticket; afterwards it
 * shows that answer, to every later visit and submit. A link that is not the service's (400) or whose time is over
 * (410) is explained and records nothing.
 */
@Controller
class SurveyPageController {

  static final int MAX_COMMENT = 2000;

  private final SurveyLinks links;
  private final SurveyAnswers answers;
  private final Clock clock;

  SurveyPageController(SurveyLinks links, SurveyAnswers answers, Clock clock) {
    this.links = links;
    this.answers = answers;
    this.clock = clock;
  }

  @GetMapping("/csat/{token}")
  ModelAndView survey(@PathVariable String token) {
    SurveyLinks.Verdict verdict = links.check(token);
    if (!(verdict instanceof SurveyLinks.Valid valid)) {
      return refused(verdict);
    }
    return answers.find(valid.ticketNumber()).map(answer -> answered(answer, false, HttpStatus.OK))
        .orElseGet(() -> form(token, valid, null, null, null, HttpStatus.OK));
  }

  @PostMapping("/csat/{token}")
  ModelAndView answer(@PathVariable String token, @RequestParam(required = false) String rating,
      @RequestParam(required = false) String comment) {
    SurveyLinks.Verdict verdict = links.check(token);
    return verdict instanceof SurveyLinks.Valid valid ? record(token, valid, rating, comment) : refused(verdict);
  }

  private ModelAndView record(String token, SurveyLinks.Valid valid, String rating, String comment) {
    Optional<SurveyAnswers.Answer> earlier = answers.find(valid.ticketNumber());
    if (earlier.isPresent()) {
      return answered(earlier.get(), false, HttpStatus.CONFLICT);
    }
    Integer score = score(rating);
    String text = comment == null || comment.isBlank() ? null : comment.strip();
    if (score == null) {
      return form(token, valid, rating, comment, "Choose a rating from 1 (very unsatisfied) to 5 (very satisfied).",
          HttpStatus.BAD_REQUEST);
    }
    if (text != null && text.length() > MAX_COMMENT) {
      return form(token, valid, rating, comment, "The comment has " + text.length() + " characters; at most "
          + MAX_COMMENT + " fit. Please shorten it.", HttpStatus.BAD_REQUEST);
    }
    SurveyAnswers.Recorded recorded = answers.record(
        new SurveyAnswers.Answer(valid.ticketNumber(), score, text, clock.instant()));
    return answered(recorded.answer(), recorded.now(), recorded.now() ? HttpStatus.OK : HttpStatus.CONFLICT);
  }

  private static Integer score(String rating) {
    if (rating == null || !rating.strip().matches("[1-5]")) {
      return null;
    }
    return Integer.valueOf(rating.strip());
  }

  private static ModelAndView form(String token, SurveyLinks.Valid valid, String rating, String comment,
      String error, HttpStatus status) {
    ModelAndView page = new ModelAndView("csat", status);
    page.addObject("token", token);
    page.addObject("ticketId", TicketId.of(valid.ticketNumber()));
    page.addObject("rating", rating);
    page.addObject("comment", comment);
    page.addObject("error", error);
    page.addObject("maxComment", MAX_COMMENT);
    return page;
  }

  private static ModelAndView answered(SurveyAnswers.Answer answer, boolean now, HttpStatus status) {
    ModelAndView page = new ModelAndView("csat-answered", status);
    page.addObject("ticketId", TicketId.of(answer.ticketNumber()));
    page.addObject("answer", answer);
    page.addObject("now", now);
    return page;
  }

  /** An expired link (410) names its ticket; any other is not the service's (400) and tells nothing. */
  private static ModelAndView refused(SurveyLinks.Verdict verdict) {
    boolean expired = verdict instanceof SurveyLinks.Expired;
    ModelAndView page = new ModelAndView("csat-refused", expired ? HttpStatus.GONE : HttpStatus.BAD_REQUEST);
    page.addObject("expired", expired);
    if (verdict instanceof SurveyLinks.Expired over) {
      page.addObject("ticketId", TicketId.of(over.ticketNumber()));
    }
    return page;
  }
}
