package org.slaescalation.board;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slaescalation.team.Team;
import org.slaescalation.ticket.Coded;
import org.slaescalation.ticket.InvalidTicketFilterException;
import org.slaescalation.ticket.Priority;
import org.slaescalation.ticket.Tier;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page {@code /board}: the rows of {@code GET /api/board} as a table, rendered on the server and reloaded every
 * {@value #REFRESH_SECONDS} seconds by the browser (a meta refresh, so the page needs no script, and the filters,
 * being the page's query string, survive the reload). Filters left empty by the form are no filter; a bad value is
 * a {@code 400} page naming the parameter.
 */
@Controller
class BoardPageController {

  static final int REFRESH_SECONDS = 30;

  /** Due instants as the page shows them, labelled: the viewers of one board sit in several time zones. */
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("EEE d MMM HH:mm 'UTC'", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);

  private final Board board;

  BoardPageController(Board board) {
    this.board = board;
  }

  @GetMapping({"/board", "/board/"})
  String page(@RequestParam MultiValueMap<String, String> query, Authentication user, Model model,
      HttpServletResponse response) {
    MultiValueMap<String, String> given = new LinkedMultiValueMap<>();
    query.forEach((name, values) -> {
      if (values.stream().anyMatch(value -> !value.isEmpty())) {
        given.put(name, values.stream().filter(value -> !value.isEmpty()).toList());
      }
    });
    BoardViewer viewer = BoardViewer.of(user);
    model.addAttribute("user", user.getName());
    // The reports page is for leads and administrators: an agent gets no link that would answer 403.
    model.addAttribute("showReports", BoardViewer.leadOrAdministrator(user));
    model.addAttribute("selected", given.toSingleValueMap());
    try {
      model.addAttribute("board", board.view(viewer, BoardFilter.parse(given)));
    } catch (InvalidTicketFilterException invalid) {
      // The form offers only valid values: this is an edited address. Say what is wrong, show no rows.
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("invalid", invalid.getMessage());
    }
    model.addAttribute("refreshSeconds", REFRESH_SECONDS);
    List<String> teams = viewer.teams().stream().map(Team::code).toList();
    model.addAttribute("teams", teams);
    // The form's selects, in this order: each parameter of BoardFilter with the values the viewer may pick.
    Map<String, List<String>> filters = new LinkedHashMap<>();
    filters.put("team", teams);
    filters.put("tier", Coded.codes(Tier.class));
    filters.put("priority", Coded.codes(Priority.class));
    filters.put("state", Arrays.stream(BoardState.values()).map(BoardState::code).toList());
    model.addAttribute("filters", filters);
    model.addAttribute("utc", UTC);
    return "board";
  }
}
