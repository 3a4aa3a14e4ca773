package org.slaescalation.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Registers {@link LongStringValueSerializer} ahead of Camunda's own serializers. Every engine on the database must
 * have it (it reads the variables it wrote), so the process tests' engine registers it as well.
 */
@Component
public class LongStringPlugin extends AbstractProcessEnginePlugin {

  @Override
  @SuppressWarnings("rawtypes")
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreVariableSerializers(
        PluginLists.with(configuration.getCustomPreVariableSerializers(), new LongStringValueSerializer()));
  }
}
