package org.slaescalation.model;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code escalation.models.location}: a directory on disk whose BPMN, DMN and form files are deployed
 * instead of the ones built into the application, so that operators can change the SLA tables in
 * Camunda Modeler without a rebuild. Unset: the models under {@code processes/} in the application.
 */
@ConfigurationProperties("escalation.models")
public record ModelsProperties(Path location) {}
