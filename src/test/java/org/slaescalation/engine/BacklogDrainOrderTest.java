package org.slaescalation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.TicketTimeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * After downtime the job executor finds a backlog of due rungs. It acquires them in order of due instant (the
 * settings in application.yaml: acquire by due date, timers first), so that the rung due longest ago goes first and
 * a rung that falls due after the restart waits behind the older ones only, not behind the whole backlog in
 * arbitrary order. This test reads the executor's own acquisition query ({@code JobManager.findNextJobsToExecute},
 * which the job executor's acquisition runs) with the application's engine configuration.
 * {@code NodeKilledUnderLoadOwnJvmTest} shows the same on PostgreSQL with real nodes, where the jobs a killed node
 * held wait for their lock to expire first.
 */
@ApplicationTest
class BacklogDrainOrderTest {

  /** A Monday in the past (other tests list the newest tickets first). */
  static final Instant T0 = Instant.parse("2019-06-03T09:00:00Z");

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired ProcessEngine processEngine;

  TicketTimeline timeline;

  @BeforeEach
  void startTimeline() {
    timeline = new TicketTimeline(rest, processEngine, T0);
  }

  @AfterEach
  void cancelTickets() {
    timeline.cancelAll();
  }

  @Test
  void aBacklogOfDueRungsIsAcquiredInOrderOfDueInstantWhateverTheOrderTheTicketsCameIn() {
    // A P4 ticket first (long ladder), then P1 tickets (short ladders): the later tickets' rungs fall due between
    // and before the first one's, so the due order interleaves the tickets.
    String slow = open("P4", 0);
    String fast = open("P1", 20);
    String faster = open("P1", 40);
    Set<String> ours = Set.of(instance(slow), instance(fast), instance(faster));
    // The node was down for a month: every rung of the three ladders is due.
    timeline.at(30L * 24 * 60);

    List<Job> dueTimers = managementService.createJobQuery().timers().executable().list().stream()
        .filter(job -> ours.contains(job.getProcessInstanceId())).toList();
    assertThat(dueTimers.stream().map(Job::getProcessInstanceId).distinct()).as("every ticket has due rungs")
        .hasSize(3);
    List<Date> ticketByTicket = dueTimers.stream().sorted(Comparator.comparing(
        (Job job) -> List.of(slow, fast, faster).indexOf(ticketOf(job))).thenComparing(Job::getDuedate))
        .map(Job::getDuedate).toList();
    assertThat(ticketByTicket).as("ticket by ticket is not in due order, else this test proves nothing")
        .isNotEqualTo(ticketByTicket.stream().sorted().toList());

    List<AcquirableJobEntity> acquired = acquisitionOrder().stream()
        .filter(job -> ours.contains(job.getProcessInstanceId())).toList();

    assertThat(acquired).extracting(AcquirableJobEntity::getId).as("the whole backlog")
        .containsExactlyInAnyOrderElementsOf(dueTimers.stream().map(Job::getId).toList());
    assertThat(acquired).extracting(AcquirableJobEntity::getDuedate).as("the executor's acquisition order of the backlog")
        .isSortedAccordingTo(Comparator.naturalOrder());
  }

  /** The jobs the job executor would acquire now, in its order (without locking them). */
  private List<AcquirableJobEntity> acquisitionOrder() {
    return ((ProcessEngineImpl) processEngine).getProcessEngineConfiguration().getCommandExecutorTxRequired()
        .execute(context -> context.getJobManager().findNextJobsToExecute(new Page(0, 10_000)));
  }

  private String ticketOf(Job job) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId()).singleResult()
        .getBusinessKey();
  }

  private String open(String priority, long minutes) {
    timeline.at(minutes);
    return timeline.open(priority, "enterprise");
  }

  private String instance(String ticketId) {
    return timeline.instance(ticketId);
  }
}
