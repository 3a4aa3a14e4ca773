package org.slaescalation.audit;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slaescalation.engine.PluginLists;
import org.springframework.stereotype.Component;

/** Registers {@link AuditHistoryLevel}, chosen with {@code camunda.bpm.history-level: audit-with-operation-log}. */
@Component
class AuditPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomHistoryLevels(
        PluginLists.with(configuration.getCustomHistoryLevels(), new AuditHistoryLevel()));
  }
}
