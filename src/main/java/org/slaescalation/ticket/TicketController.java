package org.slaescalation.ticket;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tickets")
@Tag(name = "Tickets", description = "Intake, listing and reading of support tickets, and customer replies")
class TicketController {

  /** Body of the answer to {@code POST /api/tickets}. */
  record TicketCreated(String id, Instant createdAt) {}

  private final TicketService tickets;

  TicketController(TicketService tickets) {
    this.tickets = tickets;
  }

  @PostMapping
  @Operation(summary = "Open a ticket",
      description = "201 with the new ticket; 200 with the ticket opened first when the externalId was seen before."
          + " With the id of a known customer, the customer fields left out are the customer record's.")
  // Validated by TicketService.open, after a known customer's record filled in the customer fields left out.
  ResponseEntity<TicketCreated> open(@RequestBody NewTicket ticket) {
    TicketService.OpenedTicket opened = tickets.open(ticket);
    return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .location(URI.create("/api/tickets/" + opened.id()))
        .body(new TicketCreated(opened.id(), opened.createdAt()));
  }

  @GetMapping
  @Operation(summary = "List tickets, newest first, a page at a time",
      description = "Filters: status, team, tier, priority, breached, atRisk; page (from 0), size (1 to 100, default"
          + " 20). An unknown parameter or value is a 400 naming the parameter.")
  TicketSummary.Page list(@RequestParam MultiValueMap<String, String> query) {
    return tickets.list(TicketFilter.parse(query));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read a ticket, its status and the team that holds it")
  TicketView get(@PathVariable String id) {
    return tickets.get(id);
  }

  @PatchMapping("/{id}")
  @Operation(summary = "Change a ticket's priority or tier",
      description = "Evaluates the SLA policy again and reschedules the clocks; time already spent still counts.")
  TicketView change(@PathVariable String id, @Valid @RequestBody TicketChange change) {
    return tickets.change(id, change);
  }

  @PostMapping("/{id}/customer-replies")
  @Operation(summary = "Record a customer reply",
      description = "Always recorded; when the ticket waits on the customer it resumes (resumed = true).")
  ResponseEntity<TicketService.RecordedReply> reply(@PathVariable String id, @Valid @RequestBody CustomerReply reply) {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(tickets.recordReply(id, reply.message()));
  }
}
