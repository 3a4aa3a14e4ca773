package org.slaescalation.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "SLA board", description = "Every open ticket the caller may see, what breaches first on top")
class BoardController {

  private final Board board;

  BoardController(Board board) {
    this.board = board;
  }

  @GetMapping("/api/board")
  @Operation(summary = "The SLA board: open tickets with each open clock's business time left",
      description = "Filters: team, tier, priority, state (running, paused, at-risk, breached). Agents see the"
          + " tickets their own teams hold; team leads and administrators every team. An unknown parameter or"
          + " value is a 400 naming the parameter.")
  BoardView board(@RequestParam MultiValueMap<String, String> query, Authentication user) {
    return board.view(BoardViewer.of(user), BoardFilter.parse(query));
  }
}
