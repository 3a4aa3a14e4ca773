package org.slaescalation.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Switches off Camunda's account lock: by default every wrong password locks the user for a growing time and ten
 * lock them for good (ENGINE-27002), so that anyone who knows a user id can lock that user out. The service slows
 * down wrong passwords per client instead ({@link LoginThrottle}), in front of every login.
 */
@Component
class NoAccountLockPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayMaxTime(0);
  }
}
