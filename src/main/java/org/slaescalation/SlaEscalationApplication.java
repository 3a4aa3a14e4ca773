package org.slaescalation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The SLA escalation service: an embedded Camunda 7 engine, its webapps and the ticket API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SlaEscalationApplication {

  public static void main(String[] args) {
    SpringApplication.run(SlaEscalationApplication.class, args);
  }
}
