package org.slaescalation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.slaescalation.authorization.TasklistFilters;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.ladder.EscalationOutbox;
import org.slaescalation.support.Api;
import org.slaescalation.support.PostgresBean;
import org.slaescalation.team.Team;
import org.slaescalation.ticket.NewTicket;
import org.slaescalation.ticket.TicketId;
import org.slaescalation.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hot queries on PostgreSQL at 1,000 and 1,000,000 open tickets: what PostgreSQL does for them (EXPLAIN ANALYZE
 * with BUFFERS, recorded by {@code auto_explain} as the engine and the service run them, so the SQL is exactly
 * Camunda's and the service's) and how long the call takes. Also the database bytes and rows per open ticket.
 *
 * <p>It opens {@code bench.realTickets} real tickets through {@link TicketService} (default 1,000; 100 with
 * {@code -Dbench.quick}) on an embedded PostgreSQL 14 and brings each to its triage task, measuring every table's rows
 * and {@code pg_total_relation_size} before and after (the sizing per open ticket). For the larger scales it copies
 * the runtime rows of those tickets with SQL ({@code generate_series}): executions, tasks, candidate-group links, task
 * authorizations, jobs, tickets, clock stints and outbox mails, spread over the three teams, one in ten assigned to
 * one of 50 agents, due dates and timers spread over a day. Variables, history and event subscriptions are not
 * copied (no measured query reads them by anything but a process instance), and neither are the rungs. The tables
 * are analyzed after copying, as autovacuum would.
 *
 * <p>Measured, per scale, as a user of the filter's team: each shipped Tasklist filter's first page (15 tasks, the
 * filter's sort) and its count, as Tasklist asks for them; the job executor's acquisition query
 * ({@code selectNextJobsToExecute} with acquire-by-due-date and prefer-timer-jobs); the service's clock stint and
 * outbox reads of one ticket; a ticket read through the API's {@link TicketService#get}; and the queries of a
 * metrics scrape (every {@code escalation.*} meter read once). Time = median of 5 calls
 * (3 when a call takes seconds; after one warm-up) with {@code auto_explain} off. {@code -Dbench.dropIndexes=a,b} drops the named indexes first
 * (the "before" figures of a migration).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "camunda.bpm.job-execution.enabled=false", "escalation.demo.sample-tickets=false",
    "camunda.bpm.admin-user.id=bench", "camunda.bpm.admin-user.password=Bench-password-1",
    "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
        + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration"})
class QueryPlanBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(QueryPlanBenchmark.class);
  private static final Path PG_LOG_DIR = createTempDirectory();
  private static final List<String> DROPPED = Arrays.stream(System.getProperty("bench.dropIndexes", "").split(","))
      .map(String::strip).filter(s -> !s.isEmpty()).toList();
  /** A probe that takes longer is cancelled and named as such (the O(n²) plans would run for hours at 1,000,000). */
  private static final int TIMEOUT_SECONDS = Integer.getInteger("bench.statementTimeout", 30);
  private static final String NAME = DROPPED.isEmpty() ? "query-plans" : "query-plans-before";
  private static final List<String> TABLES_OF_INTEREST = List.of("act_ru_task", "act_ru_identitylink",
      "act_ru_authorization", "act_ru_job", "act_ru_execution", "act_ru_variable", "clock_stint", "escalation_mail",
      "escalation_rung", "ticket");

  /**
   * PostgreSQL with auto_explain loaded (off until a capture: its default log_min_duration is -1; a value given here
   * would override ALTER SYSTEM) and its log in a file this benchmark reads.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class Postgres {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
      return PostgresBean.builder()
          .setPGStartupWait(Duration.ofMinutes(1))
          .setServerConfig("shared_preload_libraries", "auto_explain")
          .setServerConfig("auto_explain.log_analyze", "on")
          .setServerConfig("auto_explain.log_buffers", "on")
          .setServerConfig("logging_collector", "on")
          .setServerConfig("log_directory", PG_LOG_DIR.toString())
          .setServerConfig("log_filename", "postgresql.log")
          .setServerConfig("log_rotation_size", "0")
          .start();
    }

    @Bean
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
      // -Dbench.planCacheMode=auto: PostgreSQL's default, under which the JDBC driver's prepared statements switch
      // to generic plans after 5 executions (and Camunda's authorization join loses its estimate again)
      return PostgresBean.dataSource(postgres, System.getProperty("bench.planCacheMode", "force_custom_plan"));
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired TicketService tickets;
  @Autowired ClockStints clocks;
  @Autowired EscalationOutbox outbox;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry meters;

  private final BenchReport report = new BenchReport(NAME,
      "mvn -B -ntp -Pbench test -Dtest=QueryPlanBenchmark");
  private final Map<String, Object> figures = new LinkedHashMap<>();
  private final StringBuilder markdown = new StringBuilder();

  /** A measured call: what Tasklist, the job executor or the service asks for. */
  private record Probe(String name, String user, List<String> groups, Runnable call) {}

  /** One statement as auto_explain recorded it. */
  private record Plan(double ms, String sql, String plan) {}

  @Test
  void plansTimesAndSizing() throws Exception {
    int real = Integer.getInteger("bench.realTickets", BenchReport.QUICK ? 100 : 1000);
    List<Integer> scales = Arrays.stream(System.getProperty("bench.scales",
            BenchReport.QUICK ? "1000" : "1000,1000000").split(","))
        .map(String::strip).map(Integer::valueOf).toList();
    for (String index : DROPPED) {
      jdbc.execute((index.startsWith("act_st_") ? "drop statistics if exists " : "drop index if exists ") + index);
    }
    markdown.append("PostgreSQL ").append(jdbc.queryForObject("show server_version", String.class))
        .append(" (embedded, zonky), shared_buffers ").append(jdbc.queryForObject("show shared_buffers", String.class))
        .append(", work_mem ").append(jdbc.queryForObject("show work_mem", String.class))
        .append(", plan_cache_mode ").append(jdbc.queryForObject("show plan_cache_mode", String.class))
        .append(DROPPED.isEmpty() ? "" : ", **without the indexes " + String.join(", ", DROPPED) + "**")
        .append(".\n\n");

    Map<String, long[]> before = sizes();
    long started = System.nanoTime();
    List<String> ids = openRealTickets(real);
    double perSecond = real / ((System.nanoTime() - started) / 1e9);
    jdbc.execute("vacuum analyze");
    Map<String, long[]> after = sizes();
    sizing(real, before, after, perSecond);
    report.sampleLoad();

    jdbc.execute("create table bench_source (pi varchar(64) primary key)");
    jdbc.update("insert into bench_source select id_ from act_ru_execution where id_ = proc_inst_id_"
        + " and business_key_ like 'T-%'");
    jdbc.execute("create table bench_source_ticket (number bigint primary key)");
    jdbc.update("insert into bench_source_ticket select number from ticket");

    String probeTicket = ids.get(ids.size() / 2);
    int copies = 0;
    for (int scale : scales) {
      int generations = Math.max(0, scale / real - 1);
      long cloneStart = System.nanoTime();
      for (int from = copies + 1; from <= generations; from += 20) {
        clone(from, Math.min(generations, from + 19));
        report.sampleLoad();
      }
      copies = Math.max(copies, generations);
      for (String statement : System.getProperty("bench.sql", "").split(";")) {
        if (!statement.isBlank()) {
          jdbc.execute(statement);
        }
      }
      jdbc.execute("analyze");
      long cloneSeconds = (System.nanoTime() - cloneStart) / 1_000_000_000;
      int open = jdbc.queryForObject("select count(*) from act_ru_task", Integer.class);
      LOG.info("{} open ticket tasks ({} s to copy)", open, cloneSeconds);
      measure(scale, open, cloneSeconds, probeTicket);
      report.sampleLoad();
      // after each scale, so that a run stopped at the largest one keeps the smaller ones
      report.write(markdown.toString(), figures);
    }
    assertThat(jdbc.queryForObject("select count(*) from act_ru_task", Integer.class))
        .isGreaterThanOrEqualTo(scales.get(scales.size() - 1) / real * real);
  }

  private List<String> openRealTickets(int count) {
    String[] priorities = {"P1", "P2", "P3", "P4"};
    String[] categories = {"incident", "bug", "question", "billing", "account", "feature-request"};
    String[] tiers = {"enterprise", "business", "standard", "free"};
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      NewTicket ticket = new NewTicket("bench-" + i, "Checkout fails " + i, "HTTP 500 on every order",
          priorities[i % 4], categories[i % 6], new NewTicket.Customer("acme-" + (i % 37), "ACME " + (i % 37),
          "ops@acme.example", tiers[(i / 4) % 4], "Europe/Amsterdam"));
      String id = tickets.open(ticket).id();
      ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(id).singleResult();
      Api.executeJobs(engine.getManagementService(), instance.getId());
      ids.add(id);
    }
    return ids;
  }

  /** Exact rows and total bytes (table, indexes, TOAST) of every table of the database. */
  private Map<String, long[]> sizes() {
    Map<String, long[]> sizes = new TreeMap<>();
    for (String table : jdbc.queryForList("select tablename from pg_tables where schemaname = 'public'",
        String.class)) {
      long rows = jdbc.queryForObject("select count(*) from " + table, Long.class);
      long bytes = jdbc.queryForObject("select pg_total_relation_size(?::regclass)", Long.class, table);
      sizes.put(table, new long[] {rows, bytes});
    }
    return sizes;
  }

  private void sizing(int real, Map<String, long[]> before, Map<String, long[]> after, double perSecond) {
    StringBuilder table = new StringBuilder("| Table | Rows per open ticket | Bytes per open ticket |\n|---|---:|---:|\n");
    long rows = 0;
    long bytes = 0;
    Map<String, Object> perTable = new LinkedHashMap<>();
    for (var entry : after.entrySet()) {
      long[] was = before.getOrDefault(entry.getKey(), new long[2]);
      long dRows = entry.getValue()[0] - was[0];
      long dBytes = entry.getValue()[1] - was[1];
      if (dRows <= 0) {
        // no row added: free space and visibility maps that vacuum created, not the ticket
        continue;
      }
      rows += dRows;
      bytes += dBytes;
      perTable.put(entry.getKey(), Map.of("rows", dRows / (double) real, "bytes", dBytes / (double) real));
      table.append(String.format("| `%s` | %.1f | %,d |%n", entry.getKey(), dRows / (double) real, dBytes / real));
    }
    table.append(String.format("| **all tables** | **%.1f** | **%,d** |%n", rows / (double) real, bytes / real));
    markdown.append("#### Sizing per open ticket\n\n").append(real).append(" real tickets opened through ")
        .append("`TicketService` (priorities P1-P4, six categories, four tiers) and brought to their triage task ")
        .append(String.format("(%.0f tickets/s, one thread, job executor off), then `vacuum analyze`. ", perSecond))
        .append("Differences of `count(*)` and `pg_total_relation_size` (table, indexes, TOAST) per ticket, of the ")
        .append("tables that gained rows (`captured_mail` holds the acknowledgement while no SMTP server is set; ")
        .append("with one it stays empty).\n\n")
        .append(table).append('\n');
    figures.put("sizing", Map.of("realTickets", real, "rowsPerTicket", rows / (double) real,
        "bytesPerTicket", bytes / real, "ticketsPerSecond", Math.round(perSecond), "tables", perTable));
  }

  /** Copies the real tickets' runtime rows as generations {@code from..to} (see the class comment). */
  private void clone(int from, int to) {
    String g = "generate_series(" + from + ", " + to + ") g";
    String team = "(array['support','engineering','sysadmin'])[g % 3 + 1]";
    String groups = "case when group_id_ = 'support' then " + team + " when group_id_ = 'support-leads' then "
        + team + " || '-leads' else group_id_ end";
    String spread = "((g::bigint * 7919 + abs(hashtext(id_)::bigint)) % 86400) * interval '1 second'";
    copy("act_ru_execution", "proc_inst_id_ in (select pi from bench_source)", g, Map.of(
        "id_", "id_ || '~' || g", "root_proc_inst_id_", "root_proc_inst_id_ || '~' || g",
        "proc_inst_id_", "proc_inst_id_ || '~' || g", "parent_id_", "parent_id_ || '~' || g",
        "super_exec_", "super_exec_ || '~' || g", "business_key_", "business_key_ || '~' || g"));
    copy("act_ru_task", "proc_inst_id_ in (select pi from bench_source)", g, Map.of(
        "id_", "id_ || '~' || g", "execution_id_", "execution_id_ || '~' || g",
        "proc_inst_id_", "proc_inst_id_ || '~' || g",
        "assignee_", "case when (g + abs(hashtext(id_)::bigint)) % 10 = 0 then 'agent-' || (g % 50) else assignee_ end",
        "due_date_", "due_date_ + " + spread, "create_time_", "create_time_ - " + spread));
    copy("act_ru_identitylink", "task_id_ in (select id_ from act_ru_task where proc_inst_id_ in "
        + "(select pi from bench_source))", g, Map.of("id_", "id_ || '~' || g", "task_id_", "task_id_ || '~' || g",
        "group_id_", groups));
    copy("act_ru_authorization", "resource_type_ = " + Resources.TASK.resourceType() + " and resource_id_ in "
        + "(select id_ from act_ru_task where proc_inst_id_ in (select pi from bench_source))", g, Map.of(
        "id_", "id_ || '~' || g", "resource_id_", "resource_id_ || '~' || g",
        "root_proc_inst_id_", "root_proc_inst_id_ || '~' || g", "group_id_", groups));
    copy("act_ru_job", "process_instance_id_ in (select pi from bench_source)", g, Map.of(
        "id_", "id_ || '~' || g", "execution_id_", "execution_id_ || '~' || g",
        "root_proc_inst_id_", "root_proc_inst_id_ || '~' || g",
        "process_instance_id_", "process_instance_id_ || '~' || g", "duedate_", "duedate_ + " + spread));
    String number = "number + g * 100000::bigint";
    copy("ticket", "number in (select number from bench_source_ticket)", g, Map.of(
        "number", number, "external_id", "null"));
    copy("clock_stint", "ticket_number in (select number from bench_source_ticket)", g, Map.of(
        "id", "", "ticket_number", "ticket_" + number));
    copy("escalation_mail", "ticket_number in (select number from bench_source_ticket)", g, Map.of(
        "id", "", "ticket_number", "ticket_" + number, "message_id", "message_id || '~' || g"));
  }

  /** insert into table select (columns, with overrides; an empty override leaves the column out) cross join g. */
  private void copy(String table, String where, String generations, Map<String, String> overrides) {
    List<String> columns = jdbc.queryForList("select column_name from information_schema.columns"
        + " where table_schema = 'public' and table_name = ? order by ordinal_position", String.class, table)
        .stream().filter(c -> !"".equals(overrides.get(c))).toList();
    String select = columns.stream().map(c -> overrides.getOrDefault(c, c)).collect(Collectors.joining(", "));
    jdbc.update("insert into " + table + " (" + String.join(", ", columns) + ") select " + select + " from "
        + table + " cross join " + generations + " where " + where);
  }

  private List<Probe> probes(String ticketId) {
    List<Probe> probes = new ArrayList<>();
    var filters = engine.getFilterService();
    for (Team team : Team.values()) {
      String filter = filterId(TasklistFilters.queue(team));
      List<String> groups = List.of(team.code());
      probes.add(new Probe(TasklistFilters.queue(team) + ": first 15", "bench-" + team.code(), groups,
          () -> filters.listPage(filter, 0, 15)));
      probes.add(new Probe(TasklistFilters.queue(team) + ": count", "bench-" + team.code(), groups,
          () -> filters.count(filter)));
    }
    String mine = filterId(TasklistFilters.MY_TASKS);
    probes.add(new Probe("My tasks: first 15", "agent-7", List.of("support"), () -> filters.listPage(mine, 0, 15)));
    probes.add(new Probe("My tasks: count", "agent-7", List.of("support"), () -> filters.count(mine)));
    String all = filterId(TasklistFilters.ALL_OPEN_TICKETS);
    List<String> leads = List.of("support-leads");
    probes.add(new Probe("All open tickets: first 15", "bench-lead", leads, () -> filters.listPage(all, 0, 15)));
    probes.add(new Probe("All open tickets: count", "bench-lead", leads, () -> filters.count(all)));
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    int perAcquisition = configuration.getJobExecutor().getMaxJobsPerAcquisition();
    probes.add(new Probe("Job acquisition (" + perAcquisition + " jobs)", null, null,
        () -> configuration.getCommandExecutorTxRequired().execute(context ->
            context.getJobManager().findNextJobsToExecute(new Page(0, perAcquisition)))));
    long number = TicketId.number(ticketId).orElseThrow();
    probes.add(new Probe("Clock stints of a ticket", null, null, () -> clocks.stints(number)));
    probes.add(new Probe("Outbox mails of a ticket", null, null, () -> outbox.entries(number)));
    probes.add(new Probe("Outbox rungs of a ticket", null, null, () -> outbox.recorded(number)));
    probes.add(new Probe("Ticket read (GET /api/tickets/{id})", null, null, () -> tickets.get(ticketId)));
    probes.add(new Probe("Metrics scrape (escalation.* meters)", null, null, this::readServiceMeters));
    return probes;
  }

  /**
   * Reads every {@code escalation.*} meter as a scrape of {@code /actuator/prometheus} does: the gauges' queries
   * (open clocks, pending and overdue mails, incidents) and the survey answers by score, each once per family.
   */
  private void readServiceMeters() {
    for (Meter meter : meters.getMeters()) {
      if (meter.getId().getName().startsWith("escalation.")) {
        for (Measurement measurement : meter.measure()) {
          measurement.getValue();
        }
      }
    }
  }

  private String filterId(String name) {
    Filter filter = engine.getFilterService().createFilterQuery().filterName(name).singleResult();
    return filter.getId();
  }

  /** Runs the probe; false when PostgreSQL cancelled it after the statement timeout. */
  private boolean attempt(Probe probe) {
    try {
      run(probe);
      return true;
    } catch (RuntimeException e) {
      LOG.warn("{} failed: {}", probe.name(), e.toString());
      return false;
    }
  }

  private void run(Probe probe) {
    if (probe.user() == null) {
      probe.call().run();
      return;
    }
    engine.getIdentityService().setAuthentication(probe.user(), probe.groups());
    try {
      probe.call().run();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void measure(int scale, int open, long cloneSeconds, String ticketId) throws Exception {
    List<Probe> probes = probes(ticketId);
    // the plans: every statement of each probe, with auto_explain on
    Path log = PG_LOG_DIR.resolve("postgresql.log");
    long offset = Files.exists(log) ? Files.size(log) : 0;
    setting("statement_timeout", "'" + TIMEOUT_SECONDS + "s'", String.valueOf(TIMEOUT_SECONDS * 1000));
    autoExplain(true);
    List<String> timedOut = new ArrayList<>();
    for (Probe probe : probes) {
      jdbc.queryForObject("select 'bench-marker:" + probe.name().replace("'", "") + "'", String.class);
      if (!attempt(probe)) {
        timedOut.add(probe.name());
      }
    }
    jdbc.queryForObject("select 'bench-marker:end'", String.class);
    autoExplain(false);
    Map<String, List<Plan>> plans = plans(log, offset);

    // the times, with auto_explain off
    StringBuilder table = new StringBuilder("| Query | median ms | max ms | main statement: ms, plan | Goal |\n"
        + "|---|---:|---:|---|---|\n");
    Map<String, Object> results = new LinkedHashMap<>();
    Path folder = Path.of("target", "bench", "plans-" + (DROPPED.isEmpty() ? "" : "before-") + scale);
    Files.createDirectories(folder);
    for (Probe probe : probes) {
      List<Long> micros = new ArrayList<>();
      long warmUp = System.nanoTime();
      if (!timedOut.contains(probe.name()) && attempt(probe)) {
        // 5 timed calls, or 3 when one takes seconds (1,000,000 open tickets)
        int calls = System.nanoTime() - warmUp > 2_000_000_000L ? 3 : 5;
        for (int i = 0; i < calls; i++) {
          long start = System.nanoTime();
          run(probe);
          micros.add((System.nanoTime() - start) / 1000);
        }
      }
      micros.sort(null);
      double median = micros.isEmpty() ? -1 : micros.get(micros.size() / 2) / 1000.0;
      double max = micros.isEmpty() ? -1 : micros.get(micros.size() - 1) / 1000.0;
      List<Plan> statements = plans.getOrDefault(probe.name().replace("'", ""), List.of());
      Plan main = statements.stream().max((a, b) -> Double.compare(a.ms(), b.ms())).orElse(null);
      String summary = main == null ? "(none recorded)" : String.format("%.2f ms, %s", main.ms(), summarize(main));
      boolean tasklist = probe.name().contains("queue") || probe.name().startsWith("My tasks")
          || probe.name().startsWith("All open");
      String goal = tasklist ? (median >= 0 && median < 50 ? "< 50 ms: met" : "< 50 ms: **not met**") : "";
      if (micros.isEmpty()) {
        table.append(String.format("| %s | **> %d s** | cancelled by statement_timeout | %s | %s |%n", probe.name(),
            TIMEOUT_SECONDS, summary, goal));
      } else {
        table.append(String.format("| %s | %.1f | %.1f | %s | %s |%n", probe.name(), median, max, summary, goal));
      }
      Files.writeString(folder.resolve(probe.name().replaceAll("[^A-Za-z0-9]+", "-") + ".txt"),
          statements.stream().map(p -> String.format("-- %.3f ms%n%s%n%s%n", p.ms(), p.sql(), p.plan()))
              .collect(Collectors.joining("\n")));
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("medianMs", median);
      result.put("maxMs", max);
      result.put("statements", statements.size());
      result.put("mainStatementMs", main == null ? null : main.ms());
      result.put("seqScans", main == null ? List.of() : seqScans(main.plan()));
      result.put("indexes", main == null ? List.of() : indexes(main.plan()));
      result.put("diskSort", main != null && main.plan().contains("external merge"));
      results.put(probe.name(), result);
      if (main != null && (probe.name().startsWith("Support queue") || probe.name().startsWith("Job acq"))) {
        LOG.info("{} at {}:\n{}\n{}", probe.name(), scale, main.sql(), main.plan());
      }
    }
    setting("statement_timeout", "0", "0");
    markdown.append("#### ").append(String.format("%,d", open)).append(" open tickets\n\n")
        .append(cloneSeconds > 0 ? String.format("The real tickets and copies of their rows (%d s to copy). ",
            cloneSeconds) : "")
        .append(rowCounts()).append("\n\n").append(table).append('\n');
    figures.put("openTickets" + open, Map.of("rows", rowCountMap(), "queries", results));
  }

  private String rowCounts() {
    return "Rows: " + rowCountMap().entrySet().stream().map(e -> "`" + e.getKey() + "` " + String.format("%,d",
        e.getValue())).collect(Collectors.joining(", ")) + ".";
  }

  private Map<String, Long> rowCountMap() {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : TABLES_OF_INTEREST) {
      rows.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    return rows;
  }

  /** Sets {@code name} for every backend; {@code applied} is its value as {@code pg_settings.setting} shows it. */
  private void setting(String name, String value, String applied) {
    jdbc.execute("alter system set " + name + " = " + value);
    reloaded(name, applied);
  }

  private void autoExplain(boolean on) {
    setting("auto_explain.log_min_duration", on ? "0" : "-1", on ? "0" : "-1");
  }

  /**
   * Reloads the configuration and waits until a backend shows {@code name} at {@code applied}: every backend rereads
   * the configuration before its next statement once the reload signal has arrived.
   */
  private void reloaded(String name, String applied) {
    jdbc.queryForObject("select pg_reload_conf()", Boolean.class);
    org.awaitility.Awaitility.await("PostgreSQL applies " + name).atMost(java.time.Duration.ofSeconds(10))
        .pollInterval(java.time.Duration.ofMillis(50))
        .until(() -> applied.equals(jdbc.queryForObject("select setting from pg_settings where name = ?",
            String.class, name)));
  }

  private static final Pattern ENTRY = Pattern.compile("LOG:  duration: ([0-9.]+) ms  plan:");

  /** The statements auto_explain logged after {@code offset}, grouped by the marker before them. */
  private static Map<String, List<Plan>> plans(Path log, long offset) throws IOException {
    String text = Files.readString(log);
    text = text.substring((int) Math.min(offset, text.length()));
    Map<String, List<Plan>> plans = new LinkedHashMap<>();
    String current = null;
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      Matcher entry = ENTRY.matcher(lines[i]);
      if (!entry.find()) {
        continue;
      }
      double ms = Double.parseDouble(entry.group(1));
      StringBuilder sql = new StringBuilder();
      StringBuilder plan = new StringBuilder();
      int j = i + 1;
      boolean inSql = false;
      for (; j < lines.length && lines[j].startsWith("\t"); j++) {
        String line = lines[j].substring(1);
        if (line.startsWith("Query Text: ")) {
          sql.append(line.substring("Query Text: ".length()));
          inSql = true;
        } else if (inSql && !line.matches("^[A-Z].*\\(cost=[0-9.]+\\.\\.[0-9.]+ rows=.*") && plan.length() == 0) {
          sql.append('\n').append(line);
        } else {
          inSql = false;
          plan.append(line).append('\n');
        }
      }
      i = j - 1;
      String query = sql.toString();
      int marker = query.indexOf("bench-marker:");
      if (marker >= 0) {
        current = query.substring(marker + "bench-marker:".length(), query.indexOf('\'', marker));
        continue;
      }
      if (current != null && !query.contains("pg_reload_conf") && !query.contains("alter system")) {
        plans.computeIfAbsent(current, k -> new ArrayList<>()).add(new Plan(ms, query.strip(), plan.toString()));
      }
    }
    return plans;
  }

  private static String summarize(Plan plan) {
    List<String> seq = seqScans(plan.plan());
    List<String> indexes = indexes(plan.plan());
    String disk = plan.plan().contains("external merge") ? ", **sort on disk**" : "";
    return (seq.isEmpty() ? "no seq scan of a ticket table" : "**seq scan** of " + String.join(", ", seq))
        + (indexes.isEmpty() ? "" : "; indexes " + String.join(", ", indexes)) + disk;
  }

  private static final Pattern SEQ = Pattern.compile("Seq Scan on (\\w+)");
  private static final Pattern INDEX = Pattern.compile("(?:Index Scan|Index Only Scan|Bitmap Index Scan)"
      + "(?: Backward)? (?:using|on) (\\w+)");

  /** The tables of interest that the plan reads in full. */
  private static List<String> seqScans(String plan) {
    List<String> tables = new ArrayList<>();
    Matcher m = SEQ.matcher(plan);
    while (m.find()) {
      String table = m.group(1).toLowerCase();
      if (TABLES_OF_INTEREST.contains(table) && !tables.contains(table)) {
        tables.add(table);
      }
    }
    return tables;
  }

  private static List<String> indexes(String plan) {
    List<String> indexes = new ArrayList<>();
    Matcher m = INDEX.matcher(plan);
    while (m.find()) {
      String index = m.group(1).toLowerCase();
      if (!indexes.contains(index)) {
        indexes.add(index);
      }
    }
    return indexes;
  }

  private static Path createTempDirectory() {
    try {
      return Files.createTempDirectory("bench-pg-log");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
