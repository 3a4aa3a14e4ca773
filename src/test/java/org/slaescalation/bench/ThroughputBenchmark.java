package org.slaescalation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractActivityBuilder;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.Api;
import org.slaescalation.support.PostgresBean;
import org.slaescalation.ticket.NewTicket;
import org.slaescalation.ticket.TicketService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Tickets through the full route against a plain Camunda process of the same shape, in the same engine and run, on
 * an embedded PostgreSQL 14; and where the time goes (a Java Flight Recorder profile of each).
 *
 * <p>The route of a ticket, as agents take it: opened through {@link TicketService} (SLA policy and OLA decisions,
 * clocks, the acknowledgement mail), triage hands it to engineering, engineering to sysadmin, sysadmin resolves it
 * with a reply to the customer, support confirms it resolved; after each step its jobs run as the job executor
 * would run them (on this thread: the job executor is off, so the CPU time of this thread is the ticket's). The
 * plain process has the same BPMN shape without the service: three team tasks in a sub-process with two
 * non-interrupting OLA timers each, eight non-interrupting SLA timers on the sub-process, a confirmation task with
 * two timers, a wait for the customer's message or a timer; started with as many variables as a ticket and its
 * tasks completed with the same ones. No mail server is set, so mails are captured in the database.
 *
 * <p>Tickets per second and CPU per ticket are the medians of {@code bench.rounds} rounds (default 5, 2 quick) of
 * {@code bench.batch} tickets (default 100, 10 quick) of each kind, alternating, after a warm-up batch of each.
 * Then one more batch of each under a JFR recording (settings {@code profile}, samples every 10 ms): the samples of
 * this thread by component and by the service's own methods ({@link JfrProfile}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "camunda.bpm.job-execution.enabled=false", "escalation.demo.sample-tickets=false",
    "camunda.bpm.admin-user.id=bench", "camunda.bpm.admin-user.password=Bench-password-1",
    "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
        + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration"})
class ThroughputBenchmark {

  private static final String PLAIN = "plain-ticket-route";
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @TestConfiguration(proxyBeanMethods = false)
  static class Postgres {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
      return PostgresBean.builder().setPGStartupWait(Duration.ofMinutes(1)).start();
    }

    @Bean
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
      return PostgresBean.dataSource(postgres, "force_custom_plan");
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired TicketService tickets;

  /** Wall and CPU time of a batch, in ns per ticket. */
  record Batch(double wallNanos, double cpuNanos) {}

  @Test
  void fullRouteVersusPlainCamunda() throws Exception {
    BenchReport report = new BenchReport("throughput", "mvn -B -ntp -Pbench test -Dtest=ThroughputBenchmark");
    int rounds = Integer.getInteger("bench.rounds", BenchReport.QUICK ? 2 : 5);
    int batch = Integer.getInteger("bench.batch", BenchReport.QUICK ? 10 : 100);
    engine.getRepositoryService().createDeployment().name(PLAIN).addModelInstance(PLAIN + ".bpmn", plainModel())
        .deploy();
    int[] sequence = {0};
    IntConsumer ticket = i -> ticketThroughTheRoute(sequence[0]++);
    IntConsumer plain = i -> plainThroughTheRoute(sequence[0]++);
    run(ticket, batch);
    run(plain, batch);
    List<Batch> service = new ArrayList<>();
    List<Batch> baseline = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      service.add(run(ticket, batch));
      baseline.add(run(plain, batch));
      report.sampleLoad();
    }
    Path folder = Files.createDirectories(Path.of("target", "bench"));
    JfrProfile serviceProfile = profile(ticket, batch, folder.resolve("throughput-service.jfr"));
    JfrProfile plainProfile = profile(plain, batch, folder.resolve("throughput-plain.jfr"));
    report.sampleLoad();

    Batch s = median(service);
    Batch p = median(baseline);
    double ratio = p.wallNanos() / s.wallNanos();
    double cpuRatio = s.cpuNanos() / p.cpuNanos();
    StringBuilder md = new StringBuilder();
    md.append(String.format("PostgreSQL 14 (embedded), job executor off (jobs run on the measuring thread). Medians of "
        + "%d rounds of %d tickets each, alternating, after a warm-up batch of each.%n%n", rounds, batch));
    md.append("| Route | Tickets/s | ms per ticket | CPU ms per ticket |\n|---|---:|---:|---:|\n");
    md.append(String.format("| Ticket through the service (open, triage, investigate, fix, confirm) | %.1f | %.1f | "
        + "%.1f |%n", 1e9 / s.wallNanos(), s.wallNanos() / 1e6, s.cpuNanos() / 1e6));
    md.append(String.format("| Plain Camunda process of the same shape | %.1f | %.1f | %.1f |%n",
        1e9 / p.wallNanos(), p.wallNanos() / 1e6, p.cpuNanos() / 1e6));
    md.append(String.format("%n**Throughput ratio %.2f** (goal ≥ 0.5: %s); CPU per ticket %.1f× the plain "
        + "process's.%n%n", ratio, ratio >= 0.5 ? "met" : "**not met**", cpuRatio));
    md.append("Where the time goes (JFR execution samples of the measuring thread, one batch each), by the "
        + "component of the first frame from the top that is not the JDK's (shares of 0.5 % and more):\n\n"
        + "| Component | Service: share of samples | Plain: share of samples |\n|---|---:|---:|\n");
    serviceProfile.components.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .filter(e -> serviceProfile.share(e.getValue()) >= 0.5)
        .forEach(e -> md.append(String.format("| %s | %.0f %% | %.0f %% |%n", e.getKey(),
            serviceProfile.share(e.getValue()), plainProfile.share(plainProfile.components.getOrDefault(e.getKey(),
                0L)))));
    md.append(String.format("%nSamples: service %,d, plain %,d. The service's methods, on the stack (inclusive) "
        + "and nearest the top (what the frames above them were doing for), share of the service's samples:%n%n",
        serviceProfile.samples, plainProfile.samples)).append(serviceProfile.methods(12));
    md.append("\nThe recordings are in `target/bench/throughput-*.jfr` (JDK Mission Control, `jfr print`).\n");

    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("rounds", rounds);
    figures.put("batch", batch);
    figures.put("serviceTicketsPerSecond", 1e9 / s.wallNanos());
    figures.put("plainTicketsPerSecond", 1e9 / p.wallNanos());
    figures.put("serviceCpuMsPerTicket", s.cpuNanos() / 1e6);
    figures.put("plainCpuMsPerTicket", p.cpuNanos() / 1e6);
    figures.put("throughputRatio", ratio);
    figures.put("cpuRatio", cpuRatio);
    figures.put("serviceProfile", serviceProfile.figures());
    figures.put("plainProfile", plainProfile.figures());
    report.write(md.toString(), figures);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PLAIN).count())
        .as("plain instances waiting for the customer").isEqualTo((long) (rounds + 2) * batch);
  }

  private void ticketThroughTheRoute(int i) {
    String[] categories = {"incident", "bug", "question", "billing", "account", "feature-request"};
    String id = tickets.open(new NewTicket("bench-" + i, "Checkout fails " + i, "HTTP 500 on every order",
        "P" + (1 + i % 4), categories[i % 6], new NewTicket.Customer("acme-" + (i % 37), "ACME " + (i % 37),
        "ops@acme.example", new String[] {"enterprise", "business", "standard", "free"}[(i / 4) % 4],
        "Europe/Amsterdam"))).id();
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
        .singleResult().getId();
    Api.executeJobs(engine.getManagementService(), instance);
    complete(instance, "Task_TriageTicket", Map.of("outcome", "handoff-engineering", "internalNote", "Reproduced"));
    complete(instance, "Task_InvestigateTicket", Map.of("outcome", "handoff-sysadmin", "internalNote", "Disk full"));
    complete(instance, "Task_FixInfrastructure", Map.of("outcome", "resolved",
        "customerReply", "The disk was full; orders go through again."));
    complete(instance, "Task_ConfirmResolution", Map.of("outcome", "resolved"));
  }

  private void plainThroughTheRoute(int i) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int v = 0; v < 17; v++) {
      variables.put("variable" + v, "value " + v + " of ticket " + i);
    }
    String instance = engine.getRuntimeService().startProcessInstanceByKey(PLAIN, "P-" + i, variables).getId();
    Api.executeJobs(engine.getManagementService(), instance);
    complete(instance, "triage", Map.of("outcome", "handoff-engineering", "internalNote", "Reproduced"));
    complete(instance, "investigate", Map.of("outcome", "handoff-sysadmin", "internalNote", "Disk full"));
    complete(instance, "fix", Map.of("outcome", "resolved", "customerReply", "The disk was full."));
    complete(instance, "confirm", Map.of("outcome", "resolved"));
  }

  private void complete(String instance, String taskKey, Map<String, Object> variables) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as("task %s of %s", taskKey, instance).isNotNull();
    engine.getTaskService().complete(task.getId(), variables);
    Api.executeJobs(engine.getManagementService(), instance);
  }

  /** The shape of the ticket process without the service: tasks, timers, the wait for the customer. */
  static BpmnModelInstance plainModel() {
    UserTaskBuilder triage = Bpmn.createExecutableProcess(PLAIN).camundaHistoryTimeToLive(180).startEvent()
        .subProcess("resolve").embeddedSubProcess().startEvent()
        .userTask("triage").camundaCandidateGroups("support").camundaDueDate("${now()}");
    UserTaskBuilder investigate = withOlaTimers(triage, "triage")
        .userTask("investigate").camundaCandidateGroups("engineering").camundaDueDate("${now()}");
    UserTaskBuilder fix = withOlaTimers(investigate, "investigate")
        .userTask("fix").camundaCandidateGroups("sysadmin").camundaDueDate("${now()}");
    AbstractFlowNodeBuilder<?, ?> route = withOlaTimers(fix, "fix").endEvent().subProcessDone();
    for (int t = 0; t < 8; t++) {
      route = route.moveToActivity("resolve").boundaryEvent("sla" + t).cancelActivity(false)
          .timerWithDuration("PT" + (8 + t) + "H").endEvent();
    }
    UserTaskBuilder confirm = route.moveToActivity("resolve").userTask("confirm").camundaCandidateGroups("support")
        .camundaDueDate("${now()}");
    return withOlaTimers(confirm, "confirm").eventBasedGateway().id("reopenWindow")
        .intermediateCatchEvent("customerWrote").message("CustomerWroteAgain").endEvent()
        .moveToNode("reopenWindow").intermediateCatchEvent("windowOver").timerWithDuration("P7D").endEvent().done();
  }

  private static AbstractActivityBuilder<?, ?> withOlaTimers(AbstractActivityBuilder<?, ?> task, String id) {
    return task.boundaryEvent(id + "OlaWarning").cancelActivity(false).timerWithDuration("PT3H").endEvent()
        .moveToActivity(id).boundaryEvent(id + "OlaExpired").cancelActivity(false).timerWithDuration("PT4H")
        .endEvent().moveToActivity(id);
  }

  private static Batch run(IntConsumer route, int tickets) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    for (int i = 0; i < tickets; i++) {
      route.accept(i);
    }
    return new Batch((System.nanoTime() - wall) / (double) tickets,
        (THREADS.getCurrentThreadCpuTime() - cpu) / (double) tickets);
  }

  private static Batch median(List<Batch> batches) {
    List<Double> wall = batches.stream().map(Batch::wallNanos).sorted().toList();
    List<Double> cpu = batches.stream().map(Batch::cpuNanos).sorted().toList();
    return new Batch(wall.get(wall.size() / 2), cpu.get(cpu.size() / 2));
  }

  /** One batch under JFR, and its execution samples of this thread. */
  private static JfrProfile profile(IntConsumer route, int tickets, Path file) throws Exception {
    try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
      recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
      recording.start();
      run(route, tickets);
      recording.stop();
      recording.dump(file);
    }
    String thread = Thread.currentThread().getName();
    return JfrProfile.read(file, thread::equals);
  }

}
