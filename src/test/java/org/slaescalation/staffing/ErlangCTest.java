package org.slaescalation.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slaescalation.staffing.ErlangC.Staffing;
import org.slaescalation.staffing.ErlangC.Target;

/**
 * {@link ErlangC} against published worked examples, against a naive oracle (the textbook sum of
 * {@code A^k / k!} in 60-digit decimals), and at its edges: a load at or above the agents, tiny loads, loads that
 * need thousands of agents, the 10,000-agent bound.
 */
class ErlangCTest {

  /**
   * Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example"
   * (callcentrehelper.com/erlang-c-formula-example-121281.htm): 100 calls in 30 minutes, 180 s average handling
   * time, 80 % answered within 20 s. Its answer before shrinkage and occupancy caps: 14 agents, service level
   * 88.8 %, occupancy 71.4 %, probability of waiting 17.4 % (the same figures as pyworkforce's test of that
   * example, {@code test_expected_erlangc_results}). With 13 agents the service level stays below 80 %.
   */
  @Test
  void callCentreHelperWorkedExample() {
    Staffing staffing = ErlangC.required(200, 3, 20 / 60.0, 0.8);

    assertThat(staffing.agents()).isEqualTo(14);
    assertThat(staffing.serviceLevel()).isCloseTo(0.888, within(0.0005));
    assertThat(staffing.occupancy()).isCloseTo(0.714, within(0.0005));
    assertThat(staffing.probabilityOfWaiting()).isCloseTo(0.174, within(0.0005));
    assertThat(staffing.averageSpeedOfAnswerMinutes())
        .isCloseTo(staffing.probabilityOfWaiting() * 3 / (14 - 10), within(1e-12));
    assertThat(ErlangC.achieved(13, 200, 3, List.of(new Target(20 / 60.0, 1))).serviceLevel()).isLessThan(0.8);
  }

  /**
   * The classic example of Westbay Engineers' "The Erlang-C formula" page: 360 calls per half hour, 4 minutes per
   * call, 55 agents, 15 s target answer time; traffic intensity 48 Erlangs, occupancy 0.873. The probabilities
   * are checked against the oracle, which follows the page's formula term by term.
   */
  @Test
  void westbayClassicExample() {
    double arrivalsPerHour = 720;
    double handle = 4;
    assertThat(ErlangC.load(arrivalsPerHour, handle)).isEqualTo(48);

    Staffing staffing = ErlangC.achieved(55, arrivalsPerHour, handle, List.of(new Target(0.25, 1)));

    assertThat(staffing.occupancy()).isCloseTo(0.873, within(0.0005));
    double waiting = oracleProbabilityOfWaiting(48, 55);
    assertThat(staffing.probabilityOfWaiting()).isCloseTo(waiting, within(1e-12));
    assertThat(staffing.serviceLevel()).isCloseTo(1 - waiting * Math.exp(-(55 - 48) * 0.25 / handle), within(1e-12));
    assertThat(staffing.averageSpeedOfAnswerMinutes()).isCloseTo(waiting * handle / 7, within(1e-12));
  }

  @ParameterizedTest(name = "{0} Erlangs, {1} agents")
  @CsvSource({
      "0.01, 1", "0.5, 1", "0.5, 3", "2, 5", "10, 14", "48, 55", "29.9, 30", "100, 101", "100, 130", "950.5, 1000",
      "4000, 4100", "9000, 9200", "9999, 10000"})
  void probabilityOfWaitingMatchesTheNaiveOracle(double load, int agents) {
    double handle = 5;
    Staffing staffing = ErlangC.achieved(agents, load * 60 / handle, handle, List.of(new Target(0, 1)));

    assertThat(staffing.probabilityOfWaiting())
        .isCloseTo(oracleProbabilityOfWaiting(load, agents), within(1e-9));
    assertThat(staffing.serviceLevel()).isCloseTo(1 - staffing.probabilityOfWaiting(), within(1e-12));
  }

  /**
   * With no more agents than the load the queue grows without bound: the search adds agents past the load until
   * the queue is stable and the target met, and what so few agents achieve is nothing.
   */
  @Test
  void aLoadAtOrAboveTheAgentsAddsAgentsUntilStable() {
    Staffing staffing = ErlangC.required(600, 1, 60, 0.01);

    assertThat(staffing.agents()).isEqualTo(11);
    assertThat(staffing.occupancy()).isLessThan(1);
    Staffing tooFew = ErlangC.achieved(10, 600, 1, List.of(new Target(60, 1)));
    assertThat(tooFew.serviceLevel()).isZero();
    assertThat(tooFew.probabilityOfWaiting()).isEqualTo(1);
    assertThat(tooFew.averageSpeedOfAnswerMinutes()).isInfinite();
  }

  /** 0.01 Erlangs: one agent, who is almost never busy; a single server waits with probability ρ. */
  @Test
  void aTinyLoadNeedsOneAgent() {
    Staffing staffing = ErlangC.required(0.12, 5, 1, 0.8);

    assertThat(staffing.agents()).isEqualTo(1);
    assertThat(staffing.occupancy()).isCloseTo(0.01, within(1e-12));
    assertThat(staffing.probabilityOfWaiting()).isCloseTo(0.01, within(1e-12));
    assertThat(staffing.serviceLevel()).isCloseTo(1 - 0.01 * Math.exp(-0.99 / 5), within(1e-12));
  }

  @Test
  void noArrivalsNeedNoAgent() {
    assertThat(ErlangC.required(0, 5, 1, 0.99)).isEqualTo(new Staffing(0, 1, 0, 0, 0));
  }

  /** Thousands of agents: the recursion stays in [0, 1], the answer is minimal and matches the oracle. */
  @ParameterizedTest(name = "{0} Erlangs")
  @CsvSource({"1000", "5000", "9500"})
  void aVeryLargeLoadNeedsThousandsOfAgents(double load) {
    double handle = 6;
    Staffing staffing = ErlangC.required(load * 60 / handle, handle, 0.5, 0.95);

    assertThat(staffing.agents()).isGreaterThan((int) load).isLessThanOrEqualTo(ErlangC.MAX_AGENTS);
    assertThat(staffing.serviceLevel()).isGreaterThanOrEqualTo(0.95).isLessThanOrEqualTo(1);
    assertThat(staffing.probabilityOfWaiting())
        .isCloseTo(oracleProbabilityOfWaiting(load, staffing.agents()), within(1e-9));
    Staffing oneFewer = ErlangC.achieved(staffing.agents() - 1, load * 60 / handle, handle,
        List.of(new Target(0.5, 1)));
    assertThat(oneFewer.serviceLevel()).isLessThan(0.95);
  }

  /** A load that needs more than 10,000 agents, or is 10,000 Erlangs or more, is refused, not looped on. */
  @ParameterizedTest(name = "{0} arrivals/h × {1} min")
  @CsvSource({"600000, 1", "599700, 1", "1e300, 1e300"})
  void beyondTenThousandAgentsIsRefused(double arrivalsPerHour, double handle) {
    assertThatThrownBy(() -> ErlangC.required(arrivalsPerHour, handle, 0, 0.999999))
        .isInstanceOf(ErlangC.BeyondLimitException.class)
        .hasMessageContaining("10000 agents");
  }

  /** The strictest target, no wait at all for 99.99 %, is still met: by enough agents that nobody waits. */
  @Test
  void aZeroTargetIsMetByAgentsThatLeaveNobodyWaiting() {
    Staffing staffing = ErlangC.required(60, 10, 0, 0.9999);

    assertThat(staffing.probabilityOfWaiting()).isLessThanOrEqualTo(0.0001);
    assertThat(ErlangC.achieved(staffing.agents() - 1, 60, 10, List.of(new Target(0, 1))).probabilityOfWaiting())
        .isGreaterThan(0.0001);
  }

  /** Tasks of several priorities in one queue: the share that meets its own target is the weighted sum. */
  @Test
  void severalTargetsWeighTheirShares() {
    List<Target> targets = List.of(new Target(30, 0.25), new Target(240, 0.75));
    Staffing mixed = ErlangC.achieved(3, 10, 15, targets);
    Staffing strict = ErlangC.achieved(3, 10, 15, List.of(new Target(30, 1)));
    Staffing loose = ErlangC.achieved(3, 10, 15, List.of(new Target(240, 1)));

    assertThat(mixed.serviceLevel())
        .isCloseTo(0.25 * strict.serviceLevel() + 0.75 * loose.serviceLevel(), within(1e-12));
    assertThat(ErlangC.required(10, 15, targets, 0.9).agents())
        .isBetween(ErlangC.required(10, 15, 240, 0.9).agents(), ErlangC.required(10, 15, 30, 0.9).agents());
  }

  @Test
  void refusesWhatTheModelCannotMean() {
    assertThatThrownBy(() -> ErlangC.required(-1, 3, 1, 0.8)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ErlangC.required(1, 0, 1, 0.8)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ErlangC.required(1, 3, -1, 0.8)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ErlangC.required(1, 3, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ErlangC.required(1, 3, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ErlangC.required(Double.NaN, 3, 1, 0.8)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ErlangC.required(1, 3, List.of(new Target(1, 0.5)), 0.8))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * The textbook formula, as the worked examples write it: {@code C = X / (Σ_{k<c} A^k/k! + X)} with
   * {@code X = A^c/c! · c/(c - A)}, in 60-digit decimals, each term from the one before.
   */
  static double oracleProbabilityOfWaiting(double load, int agents) {
    MathContext context = new MathContext(60);
    BigDecimal a = new BigDecimal(load);
    BigDecimal term = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = 0; k < agents; k++) {
      sum = sum.add(term, context);
      term = term.multiply(a, context).divide(BigDecimal.valueOf(k + 1), context);
    }
    BigDecimal c = BigDecimal.valueOf(agents);
    BigDecimal x = term.multiply(c, context).divide(c.subtract(a, context), context);
    return x.divide(sum.add(x, context), context).doubleValue();
  }
}
