package org.slaescalation.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ProcessTestEngine;
import org.slaescalation.support.ShippedCalendars;
import org.springframework.dao.OptimisticLockingFailureException;

/** The stint store on the service's tables: forward-only states, optimistic locking, millisecond durations. */
class ClockStintsTest {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2027-03-01T09:00:00Z"));
  private final Clock clock = new Clock() {
    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  private StintRepository repository;
  private ClockStints stints;

  @BeforeEach
  void setUp() {
    ProcessTestEngine.resetTables(1);
    repository = new StintRepository(ProcessTestEngine.jdbc());
    stints = new ClockStints(repository, ShippedCalendars.get(), clock);
  }

  private static Budget budget(String iso) {
    return new Budget(Duration.parse(iso), "24x7", "SlaPolicy:1");
  }

  @Test
  void aBreachedClockThatPausesStaysBreached_andKeepsItsBreachInstant() {
    ClockStint started = stints.startSla(1, ClockName.RESOLUTION, budget("PT1H"), 80, now.get());
    now.set(Instant.parse("2027-03-01T10:00:00Z"));
    stints.breach(started);
    now.set(Instant.parse("2027-03-01T10:30:00Z"));
    stints.pause(1, ClockName.RESOLUTION);

    ClockStint paused = stints.latest(1, ClockName.RESOLUTION).orElseThrow();
    assertThat(paused.state()).isEqualTo(ClockState.BREACHED);
    assertThat(paused.isPaused()).isTrue();
    assertThat(paused.breachedAt()).isEqualTo("2027-03-01T10:00:00Z");

    now.set(Instant.parse("2027-03-01T11:00:00Z"));
    stints.resume(1, ClockName.RESOLUTION);
    stints.stop(1, ClockName.RESOLUTION);
    ClockStint stopped = stints.latest(1, ClockName.RESOLUTION).orElseThrow();
    assertThat(stopped.state()).isEqualTo(ClockState.BREACHED);
    assertThat(stopped.paused()).isEqualTo(Duration.ofMinutes(30));
    assertThat(stopped.breachedAt()).isEqualTo("2027-03-01T10:00:00Z");
  }

  @Test
  void statesMoveOnlyForward() {
    ClockStint stint = stints.startSla(1, ClockName.FIRST_RESPONSE, budget("PT1H"), 80, now.get());
    stints.stop(1, ClockName.FIRST_RESPONSE);
    ClockStint met = stints.latest(1, ClockName.FIRST_RESPONSE).orElseThrow();
    assertThat(met.state()).isEqualTo(ClockState.MET);

    assertThatThrownBy(() -> stints.breach(met)).hasMessageContaining("it stopped");
    assertThatThrownBy(() -> stints.rebudget(met, budget("PT2H"), 80)).hasMessageContaining("it stopped");
    assertThat(stints.latest(1, ClockName.FIRST_RESPONSE).orElseThrow()).isEqualTo(met);
    assertThat(stint.id()).isEqualTo(met.id());
  }

  @Test
  void twoStintsOfOneTeamAreBothKept_withTheirOwnBudgetAndState() {
    stints.startOrResumeOla(1, "support", "Flow_Triage", () -> budget("PT4H"));
    now.set(Instant.parse("2027-03-01T10:00:00Z"));
    stints.stop(1, ClockName.ola("support"));
    now.set(Instant.parse("2027-03-01T15:00:00Z"));
    stints.startOrResumeOla(1, "support", "Flow_FollowUp", () -> budget("PT30M"));

    assertThat(stints.stints(1)).extracting(s -> s.clock().value(), ClockStint::budget, ClockStint::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ola-support", Duration.ofHours(4), ClockState.MET),
            org.assertj.core.groups.Tuple.tuple("ola-support", Duration.ofMinutes(30), ClockState.RUNNING));
  }

  @Test
  void aConcurrentChangeAndBreachLoseNeitherUpdate() {
    ClockStint read = stints.startSla(1, ClockName.RESOLUTION, budget("PT1H"), 80, now.get());
    // The send job read the stint; before it writes, a PATCH (a new priority) commits a new budget.
    stints.rebudget(read, budget("PT30M"), 75);
    now.set(Instant.parse("2027-03-01T09:45:00Z"));
    stints.breach(read);

    ClockStint stored = stints.latest(1, ClockName.RESOLUTION).orElseThrow();
    assertThat(stored.budget()).as("the PATCH's budget").isEqualTo(Duration.ofMinutes(30));
    assertThat(stored.internalPercent()).isEqualTo(75);
    assertThat(stored.state()).as("the job's breach").isEqualTo(ClockState.BREACHED);
    assertThat(stored.breachedAt()).as("the breach instant of the new budget").isEqualTo("2027-03-01T09:30:00Z");
    assertThat(stored.version()).isEqualTo(2);
  }

  @Test
  void aStaleWriteFailsLoudly_neverOverwrites() {
    ClockStint read = stints.startSla(1, ClockName.RESOLUTION, budget("PT1H"), 80, now.get());
    repository.update(read.rebudget(Duration.ofMinutes(30), "24x7", 80, "SlaPolicy:2"));

    assertThatThrownBy(() -> repository.update(read.rebudget(Duration.ofHours(8), "24x7", 80, "SlaPolicy:3")))
        .isInstanceOf(OptimisticLockingFailureException.class)
        .hasMessageContaining("changed by another transaction");
    assertThat(stints.latest(1, ClockName.RESOLUTION).orElseThrow().budget()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void durationsKeepTheirMilliseconds() {
    stints.startSla(1, ClockName.FIRST_RESPONSE, budget("PT0.250S"), 80, now.get());
    now.set(now.get().plusMillis(100));
    stints.pause(1, ClockName.FIRST_RESPONSE);
    now.set(now.get().plusMillis(1_234));
    stints.resume(1, ClockName.FIRST_RESPONSE);

    ClockStint stored = stints.latest(1, ClockName.FIRST_RESPONSE).orElseThrow();
    assertThat(stored.budget()).isEqualTo(Duration.ofMillis(250));
    assertThat(stored.paused()).isEqualTo(Duration.ofMillis(1_234));
  }
}
