package org.slaescalation.authorization;

import org.camunda.bpm.engine.authorization.Groups;

/**
 * The groups the service's roles are made of, besides the teams' own groups ({@code support}, {@code engineering},
 * {@code sysadmin}) and their leads' groups ({@link org.slaescalation.team.Team#leadsGroup()}).
 */
public final class Roles {

  /** Administrators: Cockpit, Admin, deployments, identities, authorizations, filters, Camunda's REST API. */
  public static final String ADMINISTRATORS = Groups.CAMUNDA_ADMIN;

  /** Systems that open tickets: the ticket API ({@code /api/tickets}) and nothing else. */
  public static final String INTEGRATION = "integration";

  /**
   * Metrics scrapers (Prometheus): {@code GET /actuator/prometheus} with HTTP Basic, and nothing else. A group of its
   * own, so that the account a scraper's configuration holds opens no ticket, task or engine data.
   */
  public static final String METRICS = "metrics";

  private Roles() {}
}
