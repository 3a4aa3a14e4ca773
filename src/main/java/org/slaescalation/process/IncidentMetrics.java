package org.slaescalation.process;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * {@code escalation.incidents{type=failedJob|failedExternalTask}}: the open incidents, read from the engine at each
 * scrape. A mail job that is still failing when escalation.mail.retry.intervals run out becomes a failedJob incident;
 * alert on any value above zero (docs/operations.md, "Monitoring").
 */
@Component
class IncidentMetrics implements MeterBinder {

  private final RuntimeService runtime;

  IncidentMetrics(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String type : new String[] {Incident.FAILED_JOB_HANDLER_TYPE, Incident.EXTERNAL_TASK_HANDLER_TYPE}) {
      Gauge.builder("escalation.incidents", runtime, engine -> engine.createIncidentQuery().incidentType(type).count())
          .tag("type", type).description("Open incidents: jobs or external tasks whose retries ran out")
          .register(registry);
    }
  }
}
