package org.slaescalation.calendar;

import java.util.SortedSet;

/** Thrown when a calendar name is not configured. */
public class UnknownCalendarException extends RuntimeException {

  private final String name;

  /** A calendar called {@code name} is not among {@code known}. */
  public UnknownCalendarException(String name, SortedSet<String> known) {
    super("no calendar named '" + name + "'; configured calendars: " + String.join(", ", known));
    this.name = name;
  }

  /** The name that was asked for. */
  public String name() {
    return name;
  }
}
