package org.slaescalation.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Where the 503 page sends the browser back to: the page asked for, and never another site (DatabaseBusyTest shows
 * the page itself through the real filter chain).
 */
class DatabaseUnavailablePageTest {

  @Test
  void theRefreshGoesToThePathAndQueryAskedFor() {
    MockHttpServletRequest cockpit = new MockHttpServletRequest("GET", "/camunda/app/cockpit/default/");
    MockHttpServletRequest board = new MockHttpServletRequest("GET", "/board");
    board.setQueryString("team=support&tier=%22%3E");

    assertThat(DatabaseUnavailableFilter.refresh(cockpit, 5)).isEqualTo("5;url=/camunda/app/cockpit/default/");
    assertThat(DatabaseUnavailableFilter.refresh(board, 5)).isEqualTo("5;url=/board?team=support&tier=%22%3E");
  }

  @Test
  void aPathThatWouldLeaveTheSiteOnlyReloads() {
    assertThat(DatabaseUnavailableFilter.refresh(new MockHttpServletRequest("GET", "//evil.example/x"), 5))
        .isEqualTo("5");
    assertThat(DatabaseUnavailableFilter.refresh(new MockHttpServletRequest("GET", "/\\evil.example/x"), 5))
        .isEqualTo("5");
  }
}
