package org.slaescalation.model;

/**
 * Runs right after {@link ModelDeployment} has deployed the models, before the application takes requests: the
 * place for checks of the deployed models. An exception stops start-up.
 */
public interface ModelsDeployedListener {

  /** Called once the latest models are deployed. */
  void modelsDeployed();
}
