package org.slaescalation.ticket;

/** Customer segment that selects the SLA row. */
public enum Tier implements Coded {
  ENTERPRISE("enterprise"),
  BUSINESS("business"),
  STANDARD("standard"),
  FREE("free");

  private final String code;

  Tier(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
