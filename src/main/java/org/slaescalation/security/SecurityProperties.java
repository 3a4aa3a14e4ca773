package org.slaescalation.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code escalation.security.*}.
 *
 * @param tls the service is reached over HTTPS (directly or through a TLS-terminating proxy): every cookie is
 *     {@code Secure} (the session, the webapps' CSRF token) and every answer carries {@code Strict-Transport-Security}
 */
@ConfigurationProperties("escalation.security")
public record SecurityProperties(boolean tls) {}
