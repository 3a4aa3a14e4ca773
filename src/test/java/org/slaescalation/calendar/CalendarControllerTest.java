package org.slaescalation.calendar;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The calendar API on the shipped calendars plus one added by extra configuration ({@code customer-tokyo}). The
 * nested configuration keeps the slice to this controller and its calendars, independent of the application class.
 */
@WebMvcTest(
    controllers = CalendarController.class,
    properties = {
        "spring.config.import=classpath:calendars.yaml",
        "escalation.calendars.customer-tokyo.zone=Asia/Tokyo",
        "escalation.calendars.customer-tokyo.holidays=JP",
        "escalation.calendars.customer-tokyo.weekly-hours.MONDAY[0]=09:00-18:00"
    })
@AutoConfigureMockMvc(addFilters = false)
class CalendarControllerTest {

  @Configuration(proxyBeanMethods = false)
  @Import({CalendarController.class, CalendarConfiguration.class})
  static class CalendarApi {}

  @Autowired
  private MockMvc mvc;

  @Test
  void listsCalendarNames() throws Exception {
    mvc.perform(get("/api/calendars"))
        .andExpect(status().isOk())
        .andExpect(content().json(
            "[\"24x7\", \"business-hours-us\", \"customer-tokyo\", \"engineering\", \"support\", \"sysadmin\"]",
            true));
  }

  @Test
  void showsACalendarDefinition() throws Exception {
    mvc.perform(get("/api/calendars/support"))
        .andExpect(status().isOk())
        .andExpect(content().json("""
            {"name": "support", "zone": "Europe/Amsterdam", "holidays": "NL",
             "closedDates": ["2026-12-24", "2026-12-31"],
             "weeklyHours": {"MONDAY": ["08:30-12:00", "13:00-17:30"], "FRIDAY": ["08:30-12:00", "13:00-16:00"]},
             "weeklyOpenTime": "PT38H30M"}
            """));
  }

  @Test
  void computesADueDateWithLocalTime() throws Exception {
    mvc.perform(get("/api/calendars/support/due")
            .param("start", "2027-03-26T15:30:00Z")
            .param("duration", "PT2H"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(content().json("""
            {"calendar": "support", "start": "2027-03-26T15:30:00Z", "duration": "PT2H",
             "due": "2027-03-30T08:30:00Z", "dueLocal": "2027-03-30T10:30:00+02:00", "zone": "Europe/Amsterdam"}
            """, true));
  }

  @Test
  void twoDaysAre48Hours() throws Exception {
    mvc.perform(get("/api/calendars/24x7/due").param("start", "2027-03-26T16:00:00Z").param("duration", "P2D"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.duration").value("PT48H"))
        .andExpect(jsonPath("$.due").value("2027-03-28T16:00:00Z"));
  }

  /** Mon 18 Jan 17:00 JST + 2h → Mon 25 Jan 10:00 JST: open Mondays 09:00-18:00 only. */
  @Test
  void worksOnACalendarFromExtraConfiguration() throws Exception {
    mvc.perform(get("/api/calendars/customer-tokyo/due")
            .param("start", "2027-01-18T08:00:00Z")
            .param("duration", "PT2H"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.due").value("2027-01-25T01:00:00Z"))
        .andExpect(jsonPath("$.dueLocal").value("2027-01-25T10:00:00+09:00"));
  }

  /** Mon 11 Jan 2027 is Coming of Age Day, a Japanese holiday: Tokyo's Monday hours are closed. */
  @Test
  void usesTheHolidaysOfTheExtraCalendar() throws Exception {
    mvc.perform(get("/api/calendars/customer-tokyo/elapsed")
            .param("from", "2027-01-11T00:00:00Z")
            .param("to", "2027-01-12T00:00:00Z"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.duration").value("PT0S"));
  }

  @Test
  void measuresElapsedBusinessTime() throws Exception {
    mvc.perform(get("/api/calendars/support/elapsed")
            .param("from", "2027-01-15T14:00:00Z")
            .param("to", "2027-01-18T08:30:00Z"))
        .andExpect(status().isOk())
        .andExpect(content().json("""
            {"calendar": "support", "from": "2027-01-15T14:00:00Z", "to": "2027-01-18T08:30:00Z", "duration": "PT2H"}
            """, true));
  }

  @Test
  void listsClosedDates() throws Exception {
    mvc.perform(get("/api/calendars/support/closed-dates").param("year", "2027"))
        .andExpect(status().isOk())
        .andExpect(content().json("""
            ["2027-01-01", "2027-03-28", "2027-03-29", "2027-04-27", "2027-05-05", "2027-05-06", "2027-05-16",
             "2027-05-17", "2027-12-25", "2027-12-26"]
            """, true));
  }

  @Test
  void unknownCalendarIsA404Problem() throws Exception {
    mvc.perform(get("/api/calendars/sales/due").param("start", "2027-01-15T14:00:00Z").param("duration", "PT1H"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.title").value("Unknown calendar"))
        .andExpect(jsonPath("$.calendar").value("sales"))
        .andExpect(jsonPath("$.detail").value(containsString("No calendar named 'sales'")))
        .andExpect(jsonPath("$.instance").value("/api/calendars/sales/due"));
  }

  @ParameterizedTest(name = "{0} → 400 naming {1}")
  @CsvSource(delimiter = '|', value = {
      "/api/calendars/support/due?start=yesterday&duration=PT1H        | start    | ISO-8601 UTC instant",
      "/api/calendars/support/due?duration=PT1H                        | start    | is required",
      "/api/calendars/support/due?start=2027-01-15T14:00:00Z&duration=8h | duration | ISO-8601 duration",
      "/api/calendars/support/due?start=2027-01-15T14:00:00Z&duration=-PT1H | duration | must not be negative",
      "/api/calendars/support/elapsed?from=2027-01-16T00:00:00Z&to=2027-01-15T00:00:00Z | from | must not be after",
      "/api/calendars/support/elapsed?from=2027-01-16T00:00:00Z&to=2027-13-01T00:00:00Z | to | ISO-8601 UTC instant",
      "/api/calendars/support/closed-dates?year=twenty                 | year     | must be a year",
      "/api/calendars/support/closed-dates                             | year     | is required",
      "/api/calendars/support/elapsed?from=+20000-01-01T00:00:00Z&to=+120000-01-01T00:00:00Z | from | must lie in the years 1900 to 2200",
      "/api/calendars/support/elapsed?from=2027-01-01T00:00:00Z&to=2201-01-01T00:00:00Z | to | must lie in the years 1900 to 2200",
      "/api/calendars/support/elapsed?from=1899-12-31T23:59:59Z&to=2027-01-01T00:00:00Z | from | must lie in the years 1900 to 2200",
      "/api/calendars/support/due?start=-0001-01-01T00:00:00Z&duration=PT1H | start | must lie in the years 1900 to 2200",
      "/api/calendars/support/due?start=2027-01-15T14:00:00Z&duration=P9999999D | duration | must be at most 20 years (P7305D)",
      "/api/calendars/support/due?start=2027-01-15T14:00:00Z&duration=P7306D | duration | must be at most 20 years",
      "/api/calendars/support/due?start=2027-01-15T14:00:00Z&duration=PT9999999999999999999H | duration | ISO-8601 duration"
  })
  void badParameterIsA400ProblemNamingIt(String url, String parameter, String detail) throws Exception {
    mvc.perform(get(url))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.parameter").value(parameter))
        .andExpect(jsonPath("$.detail").value(containsString("Parameter '" + parameter + "'")))
        .andExpect(jsonPath("$.detail").value(containsString(detail)));
  }

  @Test
  void theWidestRangeAndTheLongestBudgetAnswerAtOnce() throws Exception {
    mvc.perform(get("/api/calendars/support/elapsed?from=1900-01-01T00:00:00Z&to=2200-12-31T23:59:59Z"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.duration").value(org.hamcrest.Matchers.startsWith("PT")));
    mvc.perform(get("/api/calendars/24x7/due?start=2200-12-31T23:59:59Z&duration=P7305D"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.due").value("2220-12-31T23:59:59Z"));
  }
}
