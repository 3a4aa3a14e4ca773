package org.slaescalation.businesstime;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One opening interval of a weekday, {@code [open, close)} in local wall-clock time.
 *
 * <p>{@code close} may be the end of the day, written {@code 24:00} in text. Because {@link LocalTime} cannot hold
 * 24:00, a {@code close} of {@link LocalTime#MIDNIGHT} (00:00) means the end of the day: {@code 22:00-00:00} and
 * {@code 22:00-24:00} are the same interval. An overnight shift is written as two intervals on two weekdays
 * ({@code 22:00-24:00} on Monday, {@code 00:00-06:00} on Tuesday).
 *
 * <p>Opening times have whole-second precision.
 *
 * @param open  the first open wall-clock time of the interval
 * @param close the first wall-clock time after the interval, {@link LocalTime#MIDNIGHT} for the end of the day
 */
public record OpeningInterval(LocalTime open, LocalTime close) implements Comparable<OpeningInterval> {

  private static final int SECONDS_PER_DAY = 86_400;

  /**
   * Validates the interval.
   *
   * @throws IllegalArgumentException if it closes before or when it opens, or has sub-second precision
   */
  public OpeningInterval {
    Objects.requireNonNull(open, "open");
    Objects.requireNonNull(close, "close");
    if (open.getNano() != 0 || close.getNano() != 0) {
      throw new IllegalArgumentException("opening times have whole-second precision: " + open + "-" + close);
    }
    if (!close.equals(LocalTime.MIDNIGHT) && !open.isBefore(close)) {
      throw new IllegalArgumentException(
          "interval " + format(open) + "-" + format(close) + " closes before it opens;"
              + " write the opening time first, and 24:00 for the end of the day");
    }
  }

  /** The interval {@code [open, close)}; a {@code close} of 00:00 means the end of the day. */
  public static OpeningInterval of(LocalTime open, LocalTime close) {
    return new OpeningInterval(open, close);
  }

  /** The interval from {@code open} to the end of the day (24:00). */
  public static OpeningInterval untilEndOfDay(LocalTime open) {
    return new OpeningInterval(open, LocalTime.MIDNIGHT);
  }

  /**
   * Parses {@code "HH:mm-HH:mm"} (or {@code HH:mm:ss}); the closing time may be {@code 24:00}.
   *
   * @throws IllegalArgumentException with a message that says what is wrong and how to write it
   */
  public static OpeningInterval parse(String text) {
    Objects.requireNonNull(text, "text");
    String trimmed = text.strip();
    int dash = trimmed.indexOf('-');
    if (dash < 0 || dash != trimmed.lastIndexOf('-')) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an interval; write it as HH:mm-HH:mm, e.g. 08:30-12:00 or 13:00-24:00");
    }
    LocalTime open = parseTime(text, trimmed.substring(0, dash).strip(), false);
    LocalTime close = parseTime(text, trimmed.substring(dash + 1).strip(), true);
    if (open.equals(LocalTime.MIDNIGHT) && close.equals(LocalTime.MIDNIGHT)
        && !trimmed.substring(dash + 1).strip().startsWith("24")) {
      throw new IllegalArgumentException(
          "'" + text + "' is ambiguous; write 00:00-24:00 for a whole day");
    }
    return new OpeningInterval(open, close);
  }

  private static LocalTime parseTime(String text, String time, boolean closing) {
    if (closing && (time.equals("24:00") || time.equals("24:00:00"))) {
      return LocalTime.MIDNIGHT;
    }
    try {
      return LocalTime.parse(time);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' has an invalid time '" + time + "'; write it as HH:mm-HH:mm, e.g. 08:30-12:00"
              + (closing ? " (24:00 for the end of the day)" : ""),
          e);
    }
  }

  /** Whether the interval runs to the end of the day (24:00). */
  public boolean closesAtEndOfDay() {
    return close.equals(LocalTime.MIDNIGHT);
  }

  /** Seconds from midnight to the opening time. */
  public int openSecondOfDay() {
    return open.toSecondOfDay();
  }

  /** Seconds from midnight to the closing time: 86,400 for 24:00. */
  public int closeSecondOfDay() {
    return closesAtEndOfDay() ? SECONDS_PER_DAY : close.toSecondOfDay();
  }

  /** The nominal length, on a day without a daylight-saving change. */
  public Duration length() {
    return Duration.ofSeconds(closeSecondOfDay() - openSecondOfDay());
  }

  /** Whether the two intervals share any wall-clock time. */
  public boolean overlaps(OpeningInterval other) {
    return openSecondOfDay() < other.closeSecondOfDay() && other.openSecondOfDay() < closeSecondOfDay();
  }

  @Override
  public int compareTo(OpeningInterval other) {
    int byOpen = Integer.compare(openSecondOfDay(), other.openSecondOfDay());
    return byOpen != 0 ? byOpen : Integer.compare(closeSecondOfDay(), other.closeSecondOfDay());
  }

  /** The interval as {@code HH:mm-HH:mm}, with {@code 24:00} for the end of the day. */
  @Override
  public String toString() {
    return format(open) + "-" + (closesAtEndOfDay() ? "24:00" : format(close));
  }

  private static String format(LocalTime time) {
    return time.getSecond() == 0 ? String.format("%02d:%02d", time.getHour(), time.getMinute()) : time.toString();
  }
}
