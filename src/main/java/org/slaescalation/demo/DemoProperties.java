package org.slaescalation.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code escalation.demo.*}: sample data for evaluation, switched on by the {@code demo} profile. */
@ConfigurationProperties("escalation.demo")
public record DemoProperties(boolean sampleTickets) {}
