package org.slaescalation.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slaescalation.businesstime.BusinessCalendar;
import org.slaescalation.calendar.BusinessCalendars;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * The clocks of a ticket in business time, one stint at a time: started, paused, resumed and stopped as the ticket
 * moves, and the instant at which a given share of a stint's budget is used.
 *
 * <p>A level of {@code p} percent of budget {@code B} is due at {@code due(start, B * p / 100 + paused)} in the
 * stint's calendar, where {@code paused} is the open time that passed while the stint was paused. Because
 * {@code due} is additive, a pause of business time {@code x} moves every pending level by exactly {@code x}.
 *
 * <p>Every change reads the stint, changes it and writes it back naming the version it read. A change that lost
 * to another transaction is read and applied again (up to {@value #ATTEMPTS} times), so that neither is lost; when
 * it keeps losing it fails loudly.
 *
 * <p>A stint that becomes breached, whichever change did it (its breach rung, or a stop after its breach instant),
 * is announced once as {@link Breached}, in the transaction that wrote it.
 */
@Service
public class ClockStints {

  /** The stint of {@code clock} of the ticket was breached just now (written in the current transaction). */
  public record Breached(long ticketNumber, ClockName clock) {}

  static final int ATTEMPTS = 3;

  private final StintRepository repository;
  private final BusinessCalendars calendars;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  /** Announcing breaches to nobody: for tests of the clocks alone. */
  public ClockStints(StintRepository repository, BusinessCalendars calendars, Clock clock) {
    this(repository, calendars, clock, event -> { });
  }

  @Autowired
  public ClockStints(StintRepository repository, BusinessCalendars calendars, Clock clock,
      ApplicationEventPublisher events) {
    this.repository = repository;
    this.calendars = calendars;
    this.clock = clock;
    this.events = events;
  }

  /** Starts an SLA clock at {@code startedAt}, unless it has a stint (idempotent: a retried step is harmless). */
  public ClockStint startSla(long ticket, ClockName name, Budget budget, Integer internalPercent, Instant startedAt) {
    calendars.get(budget.calendar());
    return repository.latest(ticket, name).orElseGet(() -> repository.insert(ClockStint.start(ticket, name,
        budget.calendar(), budget.budget(), internalPercent, startedAt, budget.decision(), null)));
  }

  /**
   * The team reaches the ticket: its paused OLA stint resumes (support picks a ticket up again after the customer
   * replied); otherwise the team's new stint starts now with {@code budget}. {@code reachedBy} says how (the
   * sequence flow), for the record.
   */
  public ClockStint startOrResumeOla(long ticket, String team, String reachedBy, Supplier<Budget> budget) {
    ClockName name = ClockName.ola(team);
    Optional<ClockStint> latest = repository.latest(ticket, name);
    if (latest.isPresent() && latest.get().isOpen() && latest.get().isPaused()) {
      return change(latest.get(), stint -> settlePause(stint).reachedBy(reachedBy));
    }
    if (latest.isPresent() && latest.get().isOpen()) {
      // A stint the ticket left open (its task ended another way): it ends where the new one starts.
      change(latest.get(), stint -> settlePause(stint).stop(now(), dueAt(stint, 100)));
    }
    Budget ola = budget.get();
    calendars.get(ola.calendar());
    return repository.insert(ClockStint.start(ticket, name, ola.calendar(), ola.budget(), null, now(),
        ola.decision(), reachedBy));
  }

  /**
   * The customer says the resolution did not fix it: a new stint of the SLA clock {@code name} runs from now and
   * carries the business time the ticket already spent. It keeps the stopped stint's start, budget and pauses and adds
   * the open time between that stint's stop and now as paused, so its instants are where they would have been had the
   * clock paused instead of stopping. The stopped stint keeps its state (met or breached). An open stint is returned
   * as it is (a retried step is harmless).
   */
  public ClockStint reopen(long ticket, ClockName name, String reachedBy) {
    ClockStint latest = repository.latest(ticket, name)
        .orElseThrow(() -> new IllegalStateException("Clock " + name + " of ticket " + ticket + " never started"));
    if (latest.isOpen()) {
      return latest;
    }
    BusinessCalendar calendar = calendars.get(latest.calendar());
    Duration sinceStop = calendar.elapsed(latest.stoppedAt(), max(latest.stoppedAt(), now()));
    ClockStint started = ClockStint.start(ticket, name, latest.calendar(), latest.budget(), latest.internalPercent(),
        latest.startedAt(), latest.budgetDecision(), reachedBy);
    return repository.insert(new ClockStint(null, ticket, name, started.calendar(), started.budget(),
        started.internalPercent(), started.startedAt(), null, latest.paused().plus(sinceStop), ClockState.RUNNING,
        null, null, started.budgetDecision(), reachedBy, 0));
  }

  /** A stint of {@code name} as it would be if it started now with {@code budget}, not stored. */
  public ClockStint projected(long ticket, ClockName name, Budget budget) {
    return ClockStint.start(ticket, name, budget.calendar(), budget.budget(), null, now(), budget.decision(), null);
  }

  /** The latest stint of the clock while it is open (running, paused or breached but not stopped). */
  public Optional<ClockStint> open(long ticket, ClockName name) {
    return repository.latest(ticket, name).filter(ClockStint::isOpen);
  }

  /** The latest stint of the clock, open or stopped. */
  public Optional<ClockStint> latest(long ticket, ClockName name) {
    return repository.latest(ticket, name);
  }

  /** Every stint of the ticket, oldest first. */
  public List<ClockStint> stints(long ticket) {
    return repository.stints(ticket);
  }

  /** Every stint of the tickets, oldest first, with one query. */
  public List<ClockStint> stints(java.util.Collection<Long> tickets) {
    return repository.stints(tickets);
  }

  /** Stops the open stint of a clock: met when stopped before its breach instant, breached otherwise. */
  public void stop(long ticket, ClockName name) {
    open(ticket, name).ifPresent(open -> change(open, stint -> {
      if (!stint.isOpen()) {
        return stint;
      }
      ClockStint settled = settlePause(stint);
      return settled.stop(now(), dueAt(settled, 100));
    }));
  }

  /**
   * Stops every open stint of a ticket that ended another way than closing: a running or paused stint becomes
   * {@code cancelled}, a breached one stays breached. Open pauses end now.
   */
  public void cancel(long ticket) {
    for (ClockStint stint : repository.stints(ticket)) {
      if (stint.isOpen()) {
        change(stint, current -> current.isOpen() ? settlePause(current).cancel(now()) : current);
      }
    }
    repository.closePauses(ticket, now());
  }

  /** Pauses the open stint of a clock (the ticket waits on the customer). */
  public void pause(long ticket, ClockName name) {
    open(ticket, name).ifPresent(open -> change(open, stint -> stint.isOpen() ? stint.pause(now()) : stint));
  }

  /** Resumes a paused stint; the open time that passed while paused no longer counts. */
  public Optional<ClockStint> resume(long ticket, ClockName name) {
    return open(ticket, name).filter(ClockStint::isPaused).map(paused -> change(paused, this::settlePause));
  }

  /** Records the breach of {@code stint} at its breach instant. */
  public ClockStint breach(ClockStint stint) {
    return change(stint, current -> current.breach(dueAt(current, 100)));
  }

  /** Gives an open stint a new budget (a new priority or tier); time already spent still counts. */
  public ClockStint rebudget(ClockStint stint, Budget budget, Integer internalPercent) {
    calendars.get(budget.calendar());
    return change(stint, current -> current.rebudget(budget.budget(), budget.calendar(), internalPercent,
        budget.decision()));
  }

  /** Writes the ticket's pause ledger: a pause starts now. */
  public void openPause(long ticket, String reason) {
    repository.openPause(ticket, reason, now());
  }

  public void closePauses(long ticket) {
    repository.closePauses(ticket, now());
  }

  public List<StintRepository.Pause> pauses(long ticket) {
    return repository.pauses(ticket);
  }

  /** The instant at which {@code percent} of the stint's budget is used, counting pauses so far (and one going on). */
  public Instant dueAt(ClockStint stint, int percent) {
    BusinessCalendar calendar = calendars.get(stint.calendar());
    Duration paused = stint.paused();
    if (stint.isPaused() && stint.isOpen()) {
      paused = paused.plus(calendar.elapsed(stint.pausedSince(), max(stint.pausedSince(), now())));
    }
    Duration level = stint.budget().multipliedBy(percent).dividedBy(100);
    return calendar.due(stint.startedAt(), level.plus(paused));
  }

  /** Budget left (negative when overdue), in business time of the stint's calendar, now or when it stopped. */
  public Duration remaining(ClockStint stint) {
    BusinessCalendar calendar = calendars.get(stint.calendar());
    Instant reference = stint.isOpen() ? now() : stint.stoppedAt();
    if (reference.isBefore(stint.startedAt())) {
      return stint.budget();
    }
    Duration spent = calendar.elapsed(stint.startedAt(), reference).minus(stint.paused());
    if (stint.isPaused() && stint.isOpen()) {
      spent = spent.minus(calendar.elapsed(stint.pausedSince(), max(stint.pausedSince(), reference)));
    }
    return stint.budget().minus(spent);
  }

  /**
   * Applies {@code change} to the stored stint and writes it, naming the version read. When another transaction
   * wrote the stint in between, the stint is read again and the change applied to what that transaction left.
   */
  private ClockStint change(ClockStint read, UnaryOperator<ClockStint> change) {
    ClockStint current = read;
    for (int attempt = 1; ; attempt++) {
      ClockStint changed = change.apply(current);
      if (changed.equals(current)) {
        return current;
      }
      try {
        ClockStint written = repository.update(changed);
        if (current.state() != ClockState.BREACHED && written.state() == ClockState.BREACHED) {
          events.publishEvent(new Breached(written.ticketNumber(), written.clock()));
        }
        return written;
      } catch (OptimisticLockingFailureException lost) {
        if (attempt == ATTEMPTS) {
          throw lost;
        }
        current = repository.byId(read.id()).orElseThrow(() -> lost);
      }
    }
  }

  private ClockStint settlePause(ClockStint stint) {
    if (!stint.isPaused()) {
      return stint;
    }
    BusinessCalendar calendar = calendars.get(stint.calendar());
    return stint.resume(calendar.elapsed(stint.pausedSince(), max(stint.pausedSince(), now())));
  }

  private Instant now() {
    return clock.instant();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
