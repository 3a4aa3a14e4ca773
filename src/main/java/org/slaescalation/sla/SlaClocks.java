package org.slaescalation.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slaescalation.businesstime.BusinessCalendar;
import org.slaescalation.calendar.BusinessCalendars;
import org.springframework.stereotype.Service;

/**
 * The clocks of a ticket in business time: started, paused, resumed and stopped as the ticket moves, and the
 * instant at which each rung of a clock's ladder is due.
 *
 * <p>A rung at {@code p} percent of budget {@code B} is due at {@code due(start, B * p / 100 + paused)} in the
 * clock's calendar, where {@code paused} is the open time that passed while the clock was paused. Because
 * {@code due} is additive, a pause of business time {@code x} moves every pending rung by exactly {@code x}.
 */
@Service
public class SlaClocks {

  private final ClockRepository repository;
  private final BusinessCalendars calendars;
  private final LadderProperties ladder;
  private final Clock clock;

  public SlaClocks(ClockRepository repository, BusinessCalendars calendars, LadderProperties ladder, Clock clock) {
    this.repository = repository;
    this.calendars = calendars;
    this.ladder = ladder;
    this.clock = clock;
  }

  /** Starts an SLA clock at {@code startedAt}, unless it exists (idempotent, so a retried step is harmless). */
  public TicketClock start(long ticket, String name, String calendar, Duration budget, Integer internalPercent,
      Instant startedAt) {
    calendars.get(calendar);
    return repository.clock(ticket, name).orElseGet(() -> {
      TicketClock started = new TicketClock(ticket, name, calendar, budget, internalPercent, startedAt, null,
          Duration.ZERO, ClockState.RUNNING, null, null);
      repository.save(started);
      return started;
    });
  }

  /**
   * The OLA clock of {@code team} for the task instance {@code activityInstanceId}: the same clock for every
   * question about the same task; a paused stint resumes (support picks a ticket up again after the customer
   * replied); otherwise the team's new stint starts now with the budget of decision OlaBudget.
   */
  public TicketClock olaStint(long ticket, String team, String activityInstanceId,
      Supplier<OlaDeadlines.OlaBudget> budget) {
    String name = TicketClock.ola(team);
    Optional<TicketClock> current = repository.clock(ticket, name);
    if (current.isPresent() && activityInstanceId.equals(current.get().activityInstanceId())) {
      return current.get();
    }
    if (current.isPresent() && current.get().pausedSince() != null && current.get().stoppedAt() == null) {
      TicketClock resumed = settlePause(current.get(), now()).withActivityInstance(activityInstanceId);
      repository.save(resumed);
      return resumed;
    }
    OlaDeadlines.OlaBudget ola = budget.get();
    calendars.get(ola.calendar());
    TicketClock stint = new TicketClock(ticket, name, ola.calendar(), ola.budget(), null, now(), null,
        Duration.ZERO, ClockState.RUNNING, null, activityInstanceId);
    repository.save(stint);
    return stint;
  }

  public Optional<TicketClock> find(long ticket, String name) {
    return repository.clock(ticket, name);
  }

  public List<TicketClock> clocks(long ticket) {
    return repository.clocks(ticket);
  }

  /** Stops a running or paused clock: met when stopped before its breach instant, breached otherwise. */
  public void stop(long ticket, String name) {
    repository.clock(ticket, name).filter(c -> c.stoppedAt() == null).ifPresent(running -> {
      TicketClock settled = settlePause(running, now());
      boolean breached = settled.state() == ClockState.BREACHED || !now().isBefore(dueAt(settled, Rung.BREACH));
      repository.save(settled.with(breached ? ClockState.BREACHED : ClockState.MET, null, settled.paused(), now()));
    });
  }

  /**
   * Stops every clock of a cancelled ticket: a running or paused clock becomes {@code cancelled}, a breached one
   * stays breached; clocks that were met or had stopped keep what they were. Open pauses end now.
   */
  public void cancel(long ticket) {
    for (TicketClock current : repository.clocks(ticket)) {
      if (current.stoppedAt() == null) {
        TicketClock settled = settlePause(current, now());
        ClockState state = settled.state() == ClockState.BREACHED ? ClockState.BREACHED : ClockState.CANCELLED;
        repository.save(settled.with(state, null, settled.paused(), now()));
      }
    }
    repository.closePauses(ticket, now());
  }

  /** Pauses a running clock (the ticket waits on the customer). */
  public void pause(long ticket, String name) {
    repository.clock(ticket, name)
        .filter(c -> c.stoppedAt() == null && c.pausedSince() == null)
        .ifPresent(running -> repository.save(running.with(ClockState.PAUSED, now(), running.paused(), null)));
  }

  /** Resumes a paused clock; the open time that passed while paused no longer counts. */
  public Optional<TicketClock> resume(long ticket, String name) {
    return repository.clock(ticket, name).filter(c -> c.pausedSince() != null).map(paused -> {
      TicketClock resumed = settlePause(paused, now());
      repository.save(resumed);
      return resumed;
    });
  }

  /** Changes a clock's budget (a new priority or tier); time already spent still counts. */
  public TicketClock rebudget(TicketClock current, Duration budget, String calendar, Integer internalPercent) {
    TicketClock changed = current.withBudget(budget, calendar, internalPercent);
    repository.save(changed);
    return changed;
  }

  void save(TicketClock clock) {
    repository.save(clock);
  }

  void openPause(long ticket, String reason) {
    repository.openPause(ticket, reason, now());
  }

  void closePauses(long ticket) {
    repository.closePauses(ticket, now());
  }

  List<ClockRepository.Pause> pauses(long ticket) {
    return repository.pauses(ticket);
  }

  /** The percent of budget at which {@code rung} fires on {@code clock}, or empty when the rung does not apply. */
  public Optional<Integer> percent(TicketClock clock, Rung rung) {
    return switch (rung) {
      case BREACH -> Optional.of(100);
      case WARNING -> Optional.of(clock.isOla() ? ladder.olaWarningPercent() : ladder.warningPercent());
      case CRITICAL -> clock.isOla() ? Optional.empty() : Optional.of(ladder.criticalPercent());
      case INTERNAL -> clock.isOla() ? Optional.empty() : Optional.ofNullable(clock.internalPercent());
    };
  }

  /** The instant at which {@code rung} of {@code clock} is due, counting pauses so far (and a pause going on). */
  public Instant dueAt(TicketClock clock, Rung rung) {
    int percent = percent(clock, rung)
        .orElseThrow(() -> new IllegalArgumentException("Clock " + clock.clock() + " has no rung " + rung.code()));
    BusinessCalendar calendar = calendars.get(clock.calendar());
    Duration paused = clock.paused();
    if (clock.pausedSince() != null && clock.stoppedAt() == null) {
      paused = paused.plus(calendar.elapsed(clock.pausedSince(), max(clock.pausedSince(), now())));
    }
    Duration level = clock.budget().multipliedBy(percent).dividedBy(100);
    return calendar.due(clock.startedAt(), level.plus(paused));
  }

  /** Budget left (negative when overdue), in business time of the clock's calendar, now or when it stopped. */
  public Duration remaining(TicketClock clock) {
    BusinessCalendar calendar = calendars.get(clock.calendar());
    Instant reference = clock.stoppedAt() != null ? clock.stoppedAt() : now();
    if (reference.isBefore(clock.startedAt())) {
      return clock.budget();
    }
    Duration spent = calendar.elapsed(clock.startedAt(), reference).minus(clock.paused());
    if (clock.pausedSince() != null && clock.stoppedAt() == null) {
      spent = spent.minus(calendar.elapsed(clock.pausedSince(), max(clock.pausedSince(), reference)));
    }
    return clock.budget().minus(spent);
  }

  private TicketClock settlePause(TicketClock clock, Instant until) {
    if (clock.pausedSince() == null) {
      return clock;
    }
    Duration paused = clock.paused()
        .plus(calendars.get(clock.calendar()).elapsed(clock.pausedSince(), max(clock.pausedSince(), until)));
    ClockState state = clock.state() == ClockState.PAUSED ? ClockState.RUNNING : clock.state();
    return clock.with(state, null, paused, clock.stoppedAt());
  }

  private Instant now() {
    return clock.instant();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
