package org.slaescalation.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /v3/api-docs (UI at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
    info = @Info(title = "SLA escalation service API", version = "1",
        description = "Ticket intake, customer replies and business calendars. HTTP Basic: /api/tickets for the group"
            + " integration and administrators (team leads may read tickets), /api/calendars and /api/sla for team"
            + " leads and administrators. Errors are RFC 7807 problem bodies."),
    security = @SecurityRequirement(name = "basic"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
    description = "A user of the service (the same users and passwords as Camunda Tasklist) with the role the path"
        + " needs")
class OpenApiConfiguration {}
