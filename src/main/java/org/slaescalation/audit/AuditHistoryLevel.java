package org.slaescalation.audit;

import org.camunda.bpm.engine.impl.history.HistoryLevelAudit;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * Camunda's history level {@code audit} (process, activity, task and variable history without every intermediate
 * value) plus the user operation log, which Camunda writes only at level {@code full}: every operation a user
 * performs through the engine (delete, modify, suspend, deploy, user, group and authorization changes, claims,
 * assignments and completions) with the user's id.
 *
 * <p>Without {@code audit}'s form property log: a copy of every submitted form field as text in
 * {@code ACT_HI_DETAIL}, limited to 4,000 characters per value, so that a long note in a form would fail the
 * submission. The submitted values are the task's variables, kept in the variable history whatever their length,
 * and the completion is in the operation log.
 *
 * <p>Its id is {@code audit}'s, 2, as it is stored in the database: Camunda refuses to start when the configured
 * level's id differs from the stored one, so a database created at level {@code audit} keeps working with this one.
 */
public final class AuditHistoryLevel extends HistoryLevelAudit {

  public static final String NAME = "audit-with-operation-log";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (HistoryEventTypes.FORM_PROPERTY_UPDATE == eventType) {
      return false;
    }
    return super.isHistoryEventProduced(eventType, entity) || HistoryEventTypes.USER_OPERATION_LOG == eventType;
  }
}
