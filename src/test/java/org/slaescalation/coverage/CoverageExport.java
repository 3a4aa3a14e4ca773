package org.slaescalation.coverage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slaescalation.SlaEscalationApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Writes the OLA coverage margins of the models in {@code processes/} as JSON, the body of {@code GET
 * /api/sla/coverage}, for the static review report ({@code mvn -Pmodel-review verify}): starts the service on an
 * in-memory database without a job executor, which deploys the models, and asks {@link OlaCoverage}.
 *
 * <p>Usage: {@code CoverageExport <output file>}. The start-up check is off here, so that a row that does not fit
 * is reported (with {@code "fits": false}) instead of stopping the export.
 */
public final class CoverageExport {

  private CoverageExport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CoverageExport <output file>");
    }
    Path output = Path.of(args[0]);
    SpringApplication application = new SpringApplication(SlaEscalationApplication.class);
    try (ConfigurableApplicationContext context = application.run(
        "--server.port=0",
        "--spring.datasource.url=jdbc:h2:mem:coverage-export;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
        "--camunda.bpm.job-execution.enabled=false",
        "--escalation.coverage.check-on-startup=false",
        // The service does not start without a first administrator; nobody logs in to this in-memory instance. Its
        // id must match Camunda's default user id pattern ([a-zA-Z0-9]+, or camunda-admin): no hyphen.
        "--camunda.bpm.admin-user.id=coverageexport",
        "--camunda.bpm.admin-user.password=" + java.util.UUID.randomUUID(),
        "--logging.level.root=WARN")) {
      var rows = new CoverageController(context.getBean(OlaCoverage.class)).coverage();
      Files.createDirectories(output.toAbsolutePath().getParent());
      context.getBean(ObjectMapper.class).writerWithDefaultPrettyPrinter().writeValue(output.toFile(), rows);
    }
  }
}
