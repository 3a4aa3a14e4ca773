package org.slaescalation.staffing;

import java.util.List;
import java.util.Objects;

/**
 * How many agents a queue needs, by Erlang C (the M/M/c queue): tasks arrive at random (Poisson arrivals, rate
 * λ), each takes an agent an exponentially distributed handling time with mean h, all agents serve one first-come,
 * first-served queue, and nobody gives up waiting (no abandonment). A team lead sizes a team to its targets with
 * it instead of bending the targets to the team.
 *
 * <p>With offered load {@code A = λ·h} (Erlangs) and {@code c} agents, stable only while {@code c > A}:
 *
 * <ul>
 *   <li>Erlang B, by the recursion {@code B(0) = 1}, {@code B(k) = A·B(k-1) / (k + A·B(k-1))};
 *   <li>probability of waiting {@code C = c·B(c) / (c - A·(1 - B(c)))};
 *   <li>service level {@code P(W ≤ t) = 1 - C·e^(-(c - A)·t/h)};
 *   <li>average speed of answer {@code ASA = C·h / (c - A)}; occupancy {@code A / c}.
 * </ul>
 *
 * <p>The recursion works in doubles that stay within [0, 1]: no factorials or powers overflow, so loads and agent
 * counts up to {@link #MAX_AGENTS} are exact to rounding. With {@code c ≤ A} the queue grows without bound: such
 * agent counts never meet a target, and the search starts above the load.
 */
public final class ErlangC {

  /** The most agents a computation considers: beyond it, a load is not staffed by this model. */
  public static final int MAX_AGENTS = 10_000;

  private ErlangC() {}

  /**
   * What {@code agents} achieve for a queue.
   *
   * @param serviceLevel the share of tasks that wait at most their target, from 0 to 1
   * @param occupancy the share of time an agent is busy, {@code A / agents}
   * @param probabilityOfWaiting the share of tasks that find every agent busy (Erlang C)
   * @param averageSpeedOfAnswerMinutes the mean wait of all tasks, those that do not wait included
   */
  public record Staffing(int agents, double serviceLevel, double occupancy, double probabilityOfWaiting,
      double averageSpeedOfAnswerMinutes) {}

  /**
   * A target wait for a share of the tasks: tasks of several priorities share the queue (first come, first
   * served), and each priority has its own target.
   *
   * @param waitMinutes the longest wait that meets the target (0: must not wait at all)
   * @param share the share of the tasks with this target; the shares of one computation add up to 1
   */
  public record Target(double waitMinutes, double share) {

    public Target {
      if (!(waitMinutes >= 0) || Double.isInfinite(waitMinutes)) {
        throw new IllegalArgumentException("a target wait is finite and not negative, got " + waitMinutes);
      }
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("a share lies in [0, 1], got " + share);
      }
    }
  }

  /** A load that more than {@link #MAX_AGENTS} agents would be needed for. */
  public static final class BeyondLimitException extends RuntimeException {

    BeyondLimitException(double load) {
      super("an offered load of " + load + " Erlangs needs more than " + MAX_AGENTS + " agents");
    }
  }

  /**
   * The smallest number of agents whose probability of waiting at most {@code targetMinutes} reaches
   * {@code serviceLevel}, and what that number achieves.
   *
   * @param arrivalsPerHour mean arrivals per hour, {@code ≥ 0}; none need no agent
   * @param handleMinutes mean handling time, {@code > 0}
   * @param targetMinutes the target wait, {@code ≥ 0}
   * @param serviceLevel the share of tasks that must wait at most the target, in {@code (0, 1)}
   * @throws BeyondLimitException when more than {@link #MAX_AGENTS} agents would be needed
   */
  public static Staffing required(double arrivalsPerHour, double handleMinutes, double targetMinutes,
      double serviceLevel) {
    return required(arrivalsPerHour, handleMinutes, List.of(new Target(targetMinutes, 1)), serviceLevel);
  }

  /**
   * As {@link #required(double, double, double, double)} for tasks with several targets: the service level is the
   * share of all tasks that wait at most their own target, {@code Σ share·P(W ≤ target)}.
   */
  public static Staffing required(double arrivalsPerHour, double handleMinutes, List<Target> targets,
      double serviceLevel) {
    checkQueue(arrivalsPerHour, handleMinutes, targets);
    if (!(serviceLevel > 0 && serviceLevel < 1)) {
      throw new IllegalArgumentException("the service level lies in (0, 1), got " + serviceLevel);
    }
    if (arrivalsPerHour == 0) {
      return new Staffing(0, 1, 0, 0, 0);
    }
    double load = load(arrivalsPerHour, handleMinutes);
    if (!(load < MAX_AGENTS)) {
      throw new BeyondLimitException(load);
    }
    double erlangB = 1;
    for (int agents = 1; agents <= MAX_AGENTS; agents++) {
      erlangB = load * erlangB / (agents + load * erlangB);
      if (agents > load) {
        Staffing staffing = staffing(agents, load, erlangB, handleMinutes, targets);
        if (staffing.serviceLevel() >= serviceLevel) {
          return staffing;
        }
      }
    }
    throw new BeyondLimitException(load);
  }

  /**
   * What a given number of agents achieves, such as the agents a roster provides. With no more agents than the
   * load the queue grows without bound: service level 0, every task waits, the wait is infinite.
   */
  public static Staffing achieved(int agents, double arrivalsPerHour, double handleMinutes, List<Target> targets) {
    checkQueue(arrivalsPerHour, handleMinutes, targets);
    if (agents < 0 || agents > MAX_AGENTS) {
      throw new IllegalArgumentException("agents lie in [0, " + MAX_AGENTS + "], got " + agents);
    }
    if (arrivalsPerHour == 0) {
      return new Staffing(agents, 1, 0, 0, 0);
    }
    double load = load(arrivalsPerHour, handleMinutes);
    if (agents <= load) {
      return new Staffing(agents, 0, 1, 1, Double.POSITIVE_INFINITY);
    }
    return staffing(agents, load, erlangB(load, agents), handleMinutes, targets);
  }

  /** Erlang B: the share of arrivals that {@code agents} servers without a queue would turn away. */
  static double erlangB(double load, int agents) {
    double erlangB = 1;
    for (int k = 1; k <= agents; k++) {
      erlangB = load * erlangB / (k + load * erlangB);
    }
    return erlangB;
  }

  /** Offered load in Erlangs: arrivals per hour times the handling time in hours. */
  static double load(double arrivalsPerHour, double handleMinutes) {
    return arrivalsPerHour * handleMinutes / 60;
  }

  private static Staffing staffing(int agents, double load, double erlangB, double handleMinutes,
      List<Target> targets) {
    double spare = agents - load;
    double waiting = Math.min(1, agents * erlangB / (agents - load * (1 - erlangB)));
    double met = 0;
    for (Target target : targets) {
      met += target.share() * (1 - waiting * Math.exp(-spare * target.waitMinutes() / handleMinutes));
    }
    return new Staffing(agents, Math.min(1, Math.max(0, met)), load / agents, waiting,
        waiting * handleMinutes / spare);
  }

  private static void checkQueue(double arrivalsPerHour, double handleMinutes, List<Target> targets) {
    if (!(arrivalsPerHour >= 0) || Double.isInfinite(arrivalsPerHour)) {
      throw new IllegalArgumentException("arrivals per hour are finite and not negative, got " + arrivalsPerHour);
    }
    if (!(handleMinutes > 0) || Double.isInfinite(handleMinutes)) {
      throw new IllegalArgumentException("the handling time is finite and positive, got " + handleMinutes);
    }
    Objects.requireNonNull(targets, "targets");
    double shares = targets.stream().mapToDouble(Target::share).sum();
    if (targets.isEmpty() || Math.abs(shares - 1) > 1e-9) {
      throw new IllegalArgumentException("the targets' shares add up to 1, got " + shares);
    }
  }
}
