package org.slaescalation.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code escalation.web.*}.
 *
 * @param maxRequestSize the largest request body accepted on any path; larger ones answer 413
 */
@ConfigurationProperties("escalation.web")
public record WebProperties(@DefaultValue("1MB") DataSize maxRequestSize) {}
