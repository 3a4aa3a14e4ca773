package org.slaescalation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.EscalationLedger;
import org.slaescalation.support.EscalationLedger.Delivery;
import org.slaescalation.support.FaultSetup;
import org.slaescalation.support.ServiceNode;
import org.slaescalation.support.ShortTargetModels;
import org.slaescalation.support.TicketLoad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Escalation lag with N open tickets, each node a JVM of its own ({@link ServiceNode}: the application's main class,
 * default JVM flags, the job executor of {@code application.yaml}) and a GreenMail SMTP server in this JVM; lag =
 * the instant GreenMail stored a mail (for all its recipients) minus the rung's due instant from the ticket's clock
 * stints ({@link EscalationLedger}). Also the nodes' start-up time and resident memory, empty and at N.
 *
 * <p>Per database (an H2 file as {@code mvn spring-boot:run} uses it, and an embedded PostgreSQL 14): a node starts
 * on the empty database and opens {@code bench.templates} standard P3 bugs through {@code POST /api/tickets} (clocks
 * of business days; default 100, 20 quick), which reach their triage task and send their acknowledgement. The node
 * is killed and their runtime rows are copied with SQL up to each N of {@code bench.scales} (default
 * {@code 1000,10000,100000}; {@code 1000} quick): executions, tasks, candidate links, task grants, jobs, tickets and
 * clock stints. The copies' jobs fall due two days later (copied tickets have no variables, so their timers could
 * not run): the tables hold N tickets' rows, and the rungs that fall due are the probes'. At each N one node (and, on
 * PostgreSQL, up to {@code bench.maxNodes} nodes: default 2, 1 quick) start on the database, 50 standard P3 bugs
 * warm up each started node, and {@code bench.probes} enterprise P1 incidents (default 20, 10 quick)
 * arrive at 5 a second through the nodes in turn, with clocks of seconds ({@link ShortTargetModels}: 20 s first
 * response, 40 s resolution, 10 s OLA, internal target 60 %; 8/16/4 s quick), and every rung of theirs is awaited.
 *
 * <p>Sustained load (full run, PostgreSQL, one node, after the largest N): {@code bench.sustainedSeconds} (default
 * 600; 0 quick) of 5 enterprise P1 incidents a second with minute-scale ladders (60 s first response, 120 s
 * resolution, 30 s OLA): 10 rungs a ticket, about 50 mails a second once the ladders overlap.
 *
 * <pre>
 * mvn -B -ntp -Pbench test -Dtest=EscalationLagAtScaleBenchmark [-Dbench.quick] [-Dbench.scales=1000,10000]
 *     [-Dbench.databases=postgresql] [-Dbench.sustainedSeconds=60] [-Dbench.nodeArguments="--a=b --c=d"]
 * </pre>
 *
 * <p>It fails only when a mail arrives before its due instant or a rung's mail is missing.
 */
class EscalationLagAtScaleBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(EscalationLagAtScaleBenchmark.class);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final boolean QUICK = BenchReport.QUICK;
  private static final Duration FIRST_RESPONSE = Duration.ofSeconds(QUICK ? 8 : 20);
  private static final Duration RESOLUTION = Duration.ofSeconds(QUICK ? 16 : 40);
  private static final Duration OLA = Duration.ofSeconds(QUICK ? 4 : 10);
  private static final Duration SUSTAINED_FIRST_RESPONSE = Duration.ofSeconds(60);
  private static final Duration SUSTAINED_RESOLUTION = Duration.ofSeconds(120);
  private static final Duration SUSTAINED_OLA = Duration.ofSeconds(30);
  private static final int INTERNAL_PERCENT = 60;
  /** First response and resolution: internal target, 75 %, 90 %, breach; the support OLA: 75 %, breach. */
  private static final int RUNGS_PER_TICKET = 10;
  private static final double TICKETS_PER_SECOND = 5;
  /** Standard P3 bugs sent through freshly started nodes before the measured tickets. */
  private static final int WARM_UP = 50;
  private static final String COPIES_DUE = "2 days after the run";

  private static final List<Integer> SCALES = integers("bench.scales", QUICK ? "1000" : "1000,10000,100000");
  private static final List<String> DATABASES = Arrays.stream(System.getProperty("bench.databases",
      QUICK ? "postgresql" : "h2,postgresql").split(",")).map(String::strip).toList();
  private static final int TEMPLATES = Integer.getInteger("bench.templates", QUICK ? 20 : 100);
  private static final int PROBES = Integer.getInteger("bench.probes", QUICK ? 10 : 20);
  private static final int MAX_NODES = Integer.getInteger("bench.maxNodes", QUICK ? 1 : 2);
  /** Extra Spring Boot arguments of every node, e.g. job executor settings to compare with application.yaml's. */
  private static final String[] NODE_ARGUMENTS = Arrays.stream(System.getProperty("bench.nodeArguments", "")
      .split(" ")).filter(a -> !a.isBlank()).toArray(String[]::new);
  private static final int SUSTAINED_SECONDS = Integer.getInteger("bench.sustainedSeconds", QUICK ? 0 : 600);

  /** A node start: on which database, how many open tickets, how long until the API answered, its memory. */
  record Start(String database, String start, int openTickets, long startupMs, NodeMemory memory) {}

  /** A measured phase: tickets with short clocks arriving at 5 a second while N tickets are open. */
  record Phase(String database, int nodes, int openTickets, int tickets, String intake, int rungs, int arrived,
      List<Long> lagMs, int early, int repeated, Cpu cpu, double deliveredPerSecond, JfrProfile profile) {

    long percentile(double p) {
      return BenchReport.percentile(lagMs, p);
    }
  }

  private final BenchReport report = new BenchReport("escalation-lag-scale",
      "mvn -B -ntp -Pbench test -Dtest=EscalationLagAtScaleBenchmark");
  private final List<Start> starts = new ArrayList<>();
  private final List<Phase> phases = new ArrayList<>();
  private final List<Phase> sustained = new ArrayList<>();

  @Test
  void escalationLagStartupAndMemoryAtScale() throws Exception {
    Path models = ShortTargetModels.copy(FIRST_RESPONSE, RESOLUTION, OLA, INTERNAL_PERCENT);
    Path minuteModels = ShortTargetModels.copy(SUSTAINED_FIRST_RESPONSE, SUSTAINED_RESOLUTION, SUSTAINED_OLA,
        INTERNAL_PERCENT);
    try {
      for (String database : DATABASES) {
        measure(database, models, minuteModels);
        write();
      }
    } finally {
      ShortTargetModels.delete(models);
      ShortTargetModels.delete(minuteModels);
    }
    assertThat(phases).isNotEmpty().allSatisfy(phase -> {
      assertThat(phase.early()).as("mails before their due instant, %s", phase).isZero();
      assertThat(phase.arrived()).as("rungs with a mail, %s", phase).isEqualTo(phase.rungs());
    });
  }

  private void measure(String name, Path models, Path minuteModels) throws Exception {
    Database database = new Database(name, Files.createTempDirectory("bench-lag-" + name));
    GreenMail mail = new GreenMail(new ServerSetup(ServiceNode.freePort(), "127.0.0.1", "smtp"));
    mail.start();
    try (database) {
      ServiceNode first = database.start("first", models, mail);
      long began = System.nanoTime();
      first.awaitUp(TicketLoad.CRM, Duration.ofMinutes(5));
      starts.add(new Start(database.label(), "first (empty database)", 0, (System.nanoTime() - began) / 1_000_000,
          NodeMemory.settled(first.pid(), Duration.ofSeconds(30))));
      TicketLoad templates = TicketLoad.start(List.of(first.url("")), 4, TEMPLATES, 20, i -> false)
          .awaitDone(Duration.ofMinutes(5));
      Set<String> templateIds = ids(templates);
      assertThat(templateIds).as(TicketLoad.summary(templates.attempts())).hasSize(TEMPLATES);
      org.awaitility.Awaitility.await("the templates at their triage task").atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200)).until(() -> openTasks(first) == TEMPLATES);
      first.kill();
      report.sampleLoad();

      database.prepareCopies();
      int generations = 0;
      for (int scale : SCALES) {
        int target = Math.max(0, scale / TEMPLATES - 1);
        long copyStart = System.nanoTime();
        for (int from = generations + 1; from <= target; from += 20) {
          database.copy(from, Math.min(target, from + 19));
          report.sampleLoad();
        }
        generations = Math.max(generations, target);
        LOG.info("{}: {} open tickets ({} s to copy)", name, database.openTickets(),
            (System.nanoTime() - copyStart) / 1_000_000_000);
        for (int nodes = 1; nodes <= (database.postgres() ? MAX_NODES : 1); nodes++) {
          phases.add(phase(database, nodes, models, mail, PROBES, RESOLUTION, starts, false));
          report.sampleLoad();
        }
      }
      if (SUSTAINED_SECONDS > 0 && database.postgres()) {
        sustained.add(phase(database, 1, minuteModels, mail, (int) (SUSTAINED_SECONDS * TICKETS_PER_SECOND),
            SUSTAINED_RESOLUTION, null, true));
      }
    } finally {
      mail.stop();
    }
  }

  /**
   * Starts {@code nodes} nodes on the database, sends {@code tickets} enterprise P1 incidents at 5 a second through
   * them in turn, waits for every rung (or until the resolution budget plus a minute after the last ticket), kills
   * the nodes and compares the mails with the rungs due.
   */
  private Phase phase(Database database, int nodeCount, Path models, GreenMail mail, int tickets,
      Duration resolution, List<Start> startsToRecord, boolean profile) throws Exception {
    int open = database.openTickets();
    List<ServiceNode> nodes = new ArrayList<>();
    try {
      long began = System.nanoTime();
      for (int i = 0; i < nodeCount; i++) {
        nodes.add(database.start(open + "-" + i, models, mail));
      }
      for (ServiceNode node : nodes) {
        node.awaitUp(TicketLoad.CRM, Duration.ofMinutes(10));
      }
      long startup = (System.nanoTime() - began) / 1_000_000;
      if (startsToRecord != null && nodeCount == 1) {
        startsToRecord.add(new Start(database.label(), "restart", open, startup,
            NodeMemory.settled(nodes.get(0).pid(), Duration.ofSeconds(30))));
      }
      List<String> urls = nodes.stream().map(n -> n.url("")).toList();
      // the nodes' first requests, decisions and clocks run interpreted: warm them up as production nodes are
      int warmedUp = TicketLoad.start(urls, 4, WARM_UP, 10, i -> false).awaitDone(Duration.ofMinutes(2))
          .acknowledged().size();
      open += warmedUp;
      List<Long> pids = nodes.stream().map(ServiceNode::pid).toList();
      if (profile) {
        for (long pid : pids) {
          jcmd(pid, "JFR.start", "name=bench", "settings=profile");
        }
      }
      Cpu.Sample cpuBefore = Cpu.sample(pids);
      TicketLoad load = TicketLoad.start(urls, 8, tickets, TICKETS_PER_SECOND, i -> true);
      load.awaitDone(Duration.ofSeconds((long) (tickets / TICKETS_PER_SECOND) + 120));
      Set<String> ids = ids(load);
      Instant lastOpened = load.acknowledged().stream().map(a -> a.startedAt().plus(a.took())).max(Instant::compareTo)
          .orElse(Instant.now());
      awaitRungs(mail, ids, lastOpened.plus(resolution).plusSeconds(60));
      Cpu cpu = Cpu.between(cpuBefore, Cpu.sample(pids));
      JfrProfile recorded = null;
      if (profile) {
        Path file = Files.createDirectories(Path.of("target", "bench")).toAbsolutePath()
            .resolve("node-" + database.name + "-" + open + ".jfr");
        jcmd(pids.get(0), "JFR.dump", "name=bench", "filename=" + file);
        recorded = JfrProfile.read(file, thread -> true);
      }
      for (ServiceNode node : nodes) {
        node.kill();
      }
      List<EscalationLedger.Rung> expected = EscalationLedger.expected(database.client(), resolution, Instant.MAX)
          .stream().filter(rung -> ids.contains(rung.ticketId())).toList();
      Map<String, EscalationLedger.Arrival> arrivals = EscalationLedger.escalations(mail);
      List<Delivery> deliveries = EscalationLedger.deliveries(expected, arrivals);
      List<Long> lag = new ArrayList<>(EscalationLedger.latenessMillis(deliveries));
      lag.sort(null);
      int early = (int) deliveries.stream().filter(d -> d.arrival() != null
          && d.arrival().first().isBefore(d.rung().due())).count();
      int repeated = (int) arrivals.entrySet().stream().filter(e -> ids.contains(e.getKey().split("\\|")[0]))
          .map(Map.Entry::getValue).distinct().filter(EscalationLedger.Arrival::repeated).count();
      Instant firstDue = expected.stream().map(EscalationLedger.Rung::due).min(Instant::compareTo).orElse(lastOpened);
      Instant lastArrival = deliveries.stream().filter(d -> d.arrival() != null).map(d -> d.arrival().complete())
          .max(Instant::compareTo).orElse(firstDue);
      double perSecond = lag.size() / Math.max(1, Duration.between(firstDue, lastArrival).toMillis() / 1000.0);
      Phase phase = new Phase(database.label(), nodeCount, open, ids.size(), TicketLoad.summary(load.attempts()),
          expected.size(), lag.size(), lag, early, repeated, cpu, perSecond, recorded);
      LOG.info("{}", phase);
      return phase;
    } finally {
      for (ServiceNode node : nodes) {
        node.close();
      }
    }
  }

  /**
   * Until every ticket's ten rungs have a mail, or the deadline. The received mails are parsed at most every few
   * seconds (parsing tens of thousands of them for every new one would load this JVM, on the nodes' cores).
   */
  private static void awaitRungs(GreenMail mail, Set<String> ids, Instant deadline) {
    long needed = (long) ids.size() * RUNGS_PER_TICKET;
    while (Instant.now().isBefore(deadline)) {
      long arrived = EscalationLedger.escalations(mail).keySet().stream()
          .filter(key -> ids.contains(key.split("\\|")[0])).count();
      if (arrived >= needed) {
        return;
      }
      mail.waitForIncomingEmail(Math.max(1, Math.min(5000, Duration.between(Instant.now(), deadline).toMillis())),
          mail.getReceivedMessages().length + (int) (needed - arrived));
    }
  }

  /** Runs {@code jcmd PID command...} (the JDK's diagnostic command tool), e.g. to start and dump a recording. */
  private static void jcmd(long pid, String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        String.valueOf(pid)));
    line.addAll(List.of(command));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as("jcmd %s: %s", line, output).isZero();
  }

  /**
   * CPU between two samples, in cores in use on average: of the nodes, of this JVM (the load, GreenMail and the
   * parsing of the mails) and of PostgreSQL's server processes; and the whole machine's busy share. A PostgreSQL
   * process that ended between the samples is not counted (the nodes' pooled connections live through a phase).
   */
  record Cpu(double nodeCores, double benchmarkCores, double postgresCores, double machineBusyPercent) {

    record Sample(long nanos, long nodeTicks, long benchmarkTicks, Map<Long, Long> postgresTicks, long machineTotal,
        long machineIdle) {}

    /** utime + stime (/proc/PID/stat, clock ticks of 1/100 s) and the machine's /proc/stat. */
    static Sample sample(List<Long> pids) throws IOException {
      long ticks = 0;
      for (long pid : pids) {
        ticks += ticks(Path.of("/proc", String.valueOf(pid), "stat"));
      }
      Map<Long, Long> postgres = new HashMap<>();
      try (var processes = Files.newDirectoryStream(Path.of("/proc"), entry -> entry.getFileName().toString()
          .chars().allMatch(Character::isDigit))) {
        for (Path process : processes) {
          try {
            String stat = Files.readString(process.resolve("stat"));
            if (stat.contains("(postgres)")) {
              postgres.put(Long.parseLong(process.getFileName().toString()), ticks(stat));
            }
          } catch (IOException ended) {
            // the process ended while the directory was read
          }
        }
      }
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i <= 8; i++) {
        total += Long.parseLong(cpu[i]);
      }
      return new Sample(System.nanoTime(), ticks, ticks(Path.of("/proc/self/stat")), postgres, total,
          Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]));
    }

    private static long ticks(Path stat) throws IOException {
      return ticks(Files.readString(stat));
    }

    private static long ticks(String stat) {
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static Cpu between(Sample a, Sample b) {
      double seconds = (b.nanos() - a.nanos()) / 1e9;
      long total = b.machineTotal() - a.machineTotal();
      long postgres = b.postgresTicks().entrySet().stream()
          .mapToLong(e -> e.getValue() - a.postgresTicks().getOrDefault(e.getKey(), 0L)).sum();
      return new Cpu((b.nodeTicks() - a.nodeTicks()) / 100.0 / seconds,
          (b.benchmarkTicks() - a.benchmarkTicks()) / 100.0 / seconds, postgres / 100.0 / seconds,
          total == 0 ? 0 : 100.0 * (total - (b.machineIdle() - a.machineIdle())) / total);
    }
  }

  /** The open tasks, as the administrator {@code demo} of the demo set-up counts them through the REST API. */
  private static int openTasks(ServiceNode node) throws Exception {
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(node.url("/engine-rest/task/count")))
        .header("Authorization", TicketLoad.basic("demo", "demo")).GET().build(), HttpResponse.BodyHandlers.ofString());
    Matcher count = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(answer.body());
    assertThat(count.find()).as(answer.statusCode() + " " + answer.body()).isTrue();
    return Integer.parseInt(count.group(1));
  }

  private static Set<String> ids(TicketLoad load) {
    return load.acknowledged().stream().map(TicketLoad.Attempt::ticketId).collect(Collectors.toSet());
  }

  private void write() throws Exception {
    StringBuilder md = new StringBuilder();
    md.append(String.format("Probe tickets: enterprise P1 incidents at %.0f a second, clocks of %d s first response, "
            + "%d s resolution, %d s OLA on `24x7` (internal target %d %%); %d rungs each. Open tickets: %d real "
            + "standard P3 bugs copied with SQL (their jobs due %s), plus the tickets of earlier rows and %d standard "
            + "P3 bugs that warm up each freshly started node before the probes. ",
        TICKETS_PER_SECOND, FIRST_RESPONSE.toSeconds(), RESOLUTION.toSeconds(), OLA.toSeconds(), INTERNAL_PERCENT,
        RUNGS_PER_TICKET, TEMPLATES, COPIES_DUE, WARM_UP));
    md.append("Lag = mail stored by GreenMail for all its recipients minus the rung's due instant. ")
        .append("Goal: p99 under 1 s at 100,000 open tickets.")
        .append(NODE_ARGUMENTS.length == 0 ? "" : " Node arguments: `" + String.join(" ", NODE_ARGUMENTS) + "`.")
        .append("\n\n");
    md.append(header("Probe tickets"));
    for (Phase p : phases) {
      md.append(row(p));
    }
    if (!sustained.isEmpty()) {
      md.append(String.format("%nSustained load: %.0f enterprise P1 incidents a second for %d s with clocks of %d s "
              + "first response, %d s resolution, %d s OLA (10 rungs a ticket, about %.0f mails a second once the "
              + "ladders overlap), one node. Goal: lag p99 under 2 s.%n%n", TICKETS_PER_SECOND, SUSTAINED_SECONDS,
          SUSTAINED_FIRST_RESPONSE.toSeconds(), SUSTAINED_RESOLUTION.toSeconds(), SUSTAINED_OLA.toSeconds(),
          TICKETS_PER_SECOND * RUNGS_PER_TICKET));
      md.append(header("Tickets"));
      for (Phase p : sustained) {
        md.append(row(p));
      }
      for (Phase p : sustained) {
        md.append(String.format("%nMails delivered: %.1f rungs a second on average, from the first rung's due "
            + "instant to the last mail (%,d of %,d rungs due had a mail when the run stopped waiting).%n",
            p.deliveredPerSecond(), p.arrived(), p.rungs()));
        if (p.profile() != null) {
          JfrProfile f = p.profile();
          md.append(String.format("%nWhere the node's CPU went under this load (JFR execution samples of all its "
              + "threads, %,d samples): by thread%n%n| Thread | Share |%n|---|---:|%n", f.samples));
          JfrProfile.top(f.threads, 8).forEach(e -> md.append(String.format("| `%s` | %.0f %% |%n", e.getKey(),
              f.share(e.getValue()))));
          md.append("\nby component (the first frame from the top that is not the JDK's)\n\n| Component | Share |\n"
              + "|---|---:|\n");
          JfrProfile.top(f.components, 10).forEach(e -> md.append(String.format("| %s | %.0f %% |%n", e.getKey(),
              f.share(e.getValue()))));
          md.append("\nand by the service's methods:\n\n").append(f.methods(10));
        }
      }
    }
    md.append("\nStart-up (from starting the JVM to a responding ticket API) and resident memory once settled "
        + "(idle, three readings a second apart within 1 MB):\n\n| Database | Start | Open tickets | Start-up ms "
        + "| RSS MB | Peak RSS MB |\n|---|---|---:|---:|---:|---:|\n");
    for (Start s : starts) {
      md.append(String.format("| %s | %s | %,d | %,d | %,d | %,d |%n", s.database(), s.start(), s.openTickets(),
          s.startupMs(), s.memory().rssMb(), s.memory().peakRssMb()));
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("probe", Map.of("firstResponseSeconds", FIRST_RESPONSE.toSeconds(), "resolutionSeconds",
        RESOLUTION.toSeconds(), "olaSeconds", OLA.toSeconds(), "ticketsPerSecond", TICKETS_PER_SECOND));
    figures.put("phases", phases.stream().map(EscalationLagAtScaleBenchmark::figures).toList());
    figures.put("sustained", sustained.stream().map(EscalationLagAtScaleBenchmark::figures).toList());
    figures.put("starts", starts);
    report.write(md.toString(), figures);
  }

  /** The columns of {@link #row}; "CPU cores" are those of {@link Cpu}. */
  private static String header(String tickets) {
    return "| Database | Nodes | Open tickets | " + tickets + " | Rungs due | Arrived | min ms | p50 ms | p99 ms "
        + "| max ms | Sent twice | CPU cores: nodes, benchmark, PostgreSQL | Machine busy "
        + "| Intake (`POST /api/tickets`) |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n";
  }

  private static String row(Phase p) {
    return String.format("| %s | %d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %d | %.2f, %.2f, %.2f "
        + "| %.0f %% | %s |%n",
        p.database(), p.nodes(), p.openTickets(), p.tickets(), p.rungs(), p.arrived(), p.percentile(0),
        p.percentile(50), p.percentile(99), p.percentile(100), p.repeated(), p.cpu().nodeCores(),
        p.cpu().benchmarkCores(), p.cpu().postgresCores(), p.cpu().machineBusyPercent(), p.intake().replace("|", "/"));
  }

  private static Map<String, Object> figures(Phase p) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("database", p.database());
    f.put("nodes", p.nodes());
    f.put("openTickets", p.openTickets());
    f.put("tickets", p.tickets());
    f.put("rungs", p.rungs());
    f.put("arrived", p.arrived());
    f.put("lagMs", Map.of("min", p.percentile(0), "p50", p.percentile(50), "p99", p.percentile(99),
        "max", p.percentile(100)));
    f.put("sentTwice", p.repeated());
    f.put("nodesCpuCores", p.cpu().nodeCores());
    f.put("benchmarkCpuCores", p.cpu().benchmarkCores());
    f.put("postgresCpuCores", p.cpu().postgresCores());
    f.put("machineBusyPercent", p.cpu().machineBusyPercent());
    f.put("deliveredRungsPerSecond", p.deliveredPerSecond());
    if (p.profile() != null) {
      f.put("nodeProfile", p.profile().figures());
    }
    f.put("intake", p.intake());
    return f;
  }

  private static List<Integer> integers(String property, String defaults) {
    return Arrays.stream(System.getProperty(property, defaults).split(",")).map(String::strip)
        .map(Integer::valueOf).toList();
  }

  /** The database of one series of runs: an H2 file or an embedded PostgreSQL server, and the SQL of the copies. */
  private static final class Database implements AutoCloseable {

    private final String name;
    private final Path folder;
    private final EmbeddedPostgres server;
    private final int port;

    Database(String name, Path folder) throws Exception {
      this.name = name;
      this.folder = folder;
      if (!name.equals("h2") && !name.equals("postgresql")) {
        throw new IllegalArgumentException("bench.databases: h2 or postgresql, not " + name);
      }
      this.port = ServiceNode.freePort();
      this.server = postgres() ? FaultSetup.postgres(folder.resolve("pg"), port) : null;
    }

    boolean postgres() {
      return name.equals("postgresql");
    }

    String label() {
      return postgres() ? "PostgreSQL 14 (embedded)" : "H2 file";
    }

    private String h2Url() {
      return "jdbc:h2:file:" + folder.resolve("lag") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    ServiceNode start(String node, Path models, GreenMail mail) throws Exception {
      String[] arguments = FaultSetup.nodeArguments(port, models, mail.getSmtp().getPort(), NODE_ARGUMENTS);
      if (!postgres()) {
        List<String> h2 = new ArrayList<>(List.of(arguments));
        h2.replaceAll(a -> a.startsWith("--spring.datasource.url=") ? "--spring.datasource.url=" + h2Url()
            : a.startsWith("--spring.datasource.username=") ? "--spring.datasource.username=sa" : a);
        arguments = h2.toArray(String[]::new);
      }
      return ServiceNode.start(folder, name + "-" + node, ServiceNode.freePort(), arguments);
    }

    /** A connection per statement (an H2 file is closed again after each, for the next node to open). */
    JdbcClient client() {
      return JdbcClient.create(dataSource());
    }

    private DataSource dataSource() {
      return postgres() ? new DriverManagerDataSource(FaultSetup.jdbcUrl(port), "postgres", "")
          : new DriverManagerDataSource(h2Url(), "sa", "");
    }

    int openTickets() {
      return client().sql("select count(*) from act_ru_task").query(Integer.class).single();
    }

    /** The templates: the real tickets' process instances and numbers. */
    void prepareCopies() {
      JdbcTemplate jdbc = new JdbcTemplate(dataSource());
      jdbc.execute("create table bench_source (pi varchar(64) primary key)");
      jdbc.update("insert into bench_source select id_ from act_ru_execution where id_ = proc_inst_id_"
          + " and business_key_ like 'T-%'");
      jdbc.execute("create table bench_source_ticket (number bigint primary key)");
      jdbc.update("insert into bench_source_ticket select number from ticket");
    }

    /** Copies the templates' runtime rows as generations {@code from..to}, on one connection. */
    void copy(int from, int to) {
      SingleConnectionDataSource connection = singleConnection();
      try {
        JdbcTemplate jdbc = new JdbcTemplate(connection);
        if (!postgres()) {
          // H2 checks a foreign key row by row: an execution copied before its copied parent would fail
          jdbc.execute("set referential_integrity false");
        }
        String series = postgres() ? "generate_series(" + from + ", " + to + ") as gs(g)"
            : "(select x as g from system_range(" + from + ", " + to + ")) gs";
        String suffix = " || '~' || cast(g as varchar(12))";
        String due = "cast('" + java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(2))) + "' as timestamp)";
        String ofTemplates = "proc_inst_id_ in (select pi from bench_source)";
        String templateTasks = "(select id_ from act_ru_task where " + ofTemplates + ")";
        copy(jdbc, "act_ru_execution", ofTemplates, series, Map.of("id_", "id_" + suffix,
            "root_proc_inst_id_", "root_proc_inst_id_" + suffix, "proc_inst_id_", "proc_inst_id_" + suffix,
            "parent_id_", "parent_id_" + suffix, "super_exec_", "super_exec_" + suffix,
            "business_key_", "business_key_" + suffix));
        copy(jdbc, "act_ru_task", ofTemplates, series, Map.of("id_", "id_" + suffix,
            "execution_id_", "execution_id_" + suffix, "proc_inst_id_", "proc_inst_id_" + suffix));
        copy(jdbc, "act_ru_identitylink", "task_id_ in " + templateTasks, series, Map.of("id_", "id_" + suffix,
            "task_id_", "task_id_" + suffix));
        copy(jdbc, "act_ru_authorization", "resource_type_ = " + Resources.TASK.resourceType()
            + " and resource_id_ in " + templateTasks, series, Map.of("id_", "id_" + suffix,
            "resource_id_", "resource_id_" + suffix, "root_proc_inst_id_", "root_proc_inst_id_" + suffix));
        copy(jdbc, "act_ru_job", "process_instance_id_ in (select pi from bench_source)", series, Map.of(
            "id_", "id_" + suffix, "execution_id_", "execution_id_" + suffix,
            "root_proc_inst_id_", "root_proc_inst_id_" + suffix,
            "process_instance_id_", "process_instance_id_" + suffix, "duedate_", due,
            "lock_owner_", "null", "lock_exp_time_", "null"));
        String number = " + cast(g as bigint) * 100000";
        copy(jdbc, "ticket", "number in (select number from bench_source_ticket)", series, Map.of(
            "number", "number" + number, "external_id", "null"));
        copy(jdbc, "clock_stint", "ticket_number in (select number from bench_source_ticket)", series, Map.of(
            "id", "", "ticket_number", "ticket_number" + number));
        if (!postgres()) {
          jdbc.execute("set referential_integrity true");
        }
      } finally {
        connection.destroy();
      }
    }

    private SingleConnectionDataSource singleConnection() {
      return postgres() ? new SingleConnectionDataSource(FaultSetup.jdbcUrl(port), "postgres", "", true)
          : new SingleConnectionDataSource(h2Url(), "sa", "", true);
    }

    /** insert into table select (columns, with overrides; an empty override leaves it out) cross join series. */
    private static void copy(JdbcTemplate jdbc, String table, String where, String series,
        Map<String, String> overrides) {
      List<String> columns = jdbc.queryForList("select lower(column_name) from information_schema.columns"
              + " where lower(table_schema) = 'public' and lower(table_name) = ? order by ordinal_position",
          String.class, table).stream().filter(c -> !"".equals(overrides.get(c))).toList();
      String select = columns.stream().map(c -> overrides.getOrDefault(c, c)).collect(Collectors.joining(", "));
      jdbc.update("insert into " + table + " (" + String.join(", ", columns) + ") select " + select + " from "
          + table + " cross join " + series + " where " + where);
    }

    @Override
    public void close() throws Exception {
      if (server != null) {
        server.close();
      }
      Path logs = Files.createDirectories(Path.of("target", "bench", "logs"));
      try (var files = Files.list(folder)) {
        for (Path log : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
          Files.copy(log, logs.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      ShortTargetModels.delete(folder);
    }
  }
}
