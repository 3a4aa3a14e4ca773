package org.slaescalation.inbound;

import jakarta.mail.MessagingException;
import java.time.Clock;
import org.slaescalation.conversation.Conversation;
import org.slaescalation.customer.CustomerService;
import org.slaescalation.notification.MailSettings;
import org.slaescalation.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The inbound mailbox: read every {@code escalation.inbound-mail.poll-interval} by one thread of its own
 * ({@code inbound-mail}), only when {@code escalation.inbound-mail.host} is set. A poll that fails (server down or
 * silent, past the timeouts) is logged and the next one tries again; it never holds a job or web thread.
 */
@Configuration(proxyBeanMethods = false)
class InboundMailConfiguration {

  private static final Logger log = LoggerFactory.getLogger(InboundMailConfiguration.class);

  /** The customer records ({@code /api/customers}): a sender is known by any address of a record. */
  @Bean
  KnownSenders knownSenders(CustomerService customers) {
    return address -> customers.findByEmail(address).map(customer -> new KnownSenders.Sender(customer.id(),
        customer.name(), address.strip(), customer.tier(), customer.timeZone()));
  }

  @Bean
  InboundMail inboundMail(TicketService tickets, Conversation conversation, RejectedMails rejected,
      KnownSenders senders, InboundMailProperties properties, MailSettings mail, Clock clock) {
    return new InboundMail(tickets, conversation, rejected, senders, properties, mail, clock);
  }

  @Bean
  @ConditionalOnProperty(prefix = "escalation.inbound-mail", name = "host")
  MailboxPoller mailboxPoller(InboundMailProperties properties, InboundMail inbound) {
    return new MailboxPoller(properties, inbound);
  }

  @Bean
  @ConditionalOnProperty(prefix = "escalation.inbound-mail", name = "host")
  InboundMailSchedule inboundMailSchedule(MailboxPoller poller, InboundMailProperties properties) {
    return new InboundMailSchedule(poller, properties);
  }

  /** Polls from the moment the application is ready (migrations done), one poll at a time, until shutdown. */
  static final class InboundMailSchedule implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private final MailboxPoller poller;
    private final InboundMailProperties properties;
    private final String mailbox;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    InboundMailSchedule(MailboxPoller poller, InboundMailProperties properties) {
      this.poller = poller;
      this.properties = properties;
      this.mailbox = properties.user() + "@" + properties.host() + ":" + properties.effectivePort() + "/"
          + properties.folder();
      scheduler.setThreadNamePrefix("inbound-mail-");
      scheduler.setPoolSize(1);
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
      scheduler.initialize();
      log.info("Reading inbound mail from {} ({}) every {}", mailbox, properties.protocol(),
          properties.pollInterval());
      scheduler.scheduleWithFixedDelay(this::pollOnce, properties.pollInterval());
    }

    private void pollOnce() {
      try {
        MailboxPoller.Result result = poller.poll();
        if (!result.handled().isEmpty() || result.failed() > 0) {
          log.info("Inbound mail from {}: {}, {} left for the next poll", mailbox, result.handled(),
              result.failed());
        }
      } catch (MessagingException | RuntimeException failure) {
        log.warn("Inbound mail: could not read {}, trying again in {}: {}", mailbox, properties.pollInterval(),
            failure.toString());
      }
    }

    @Override
    public void destroy() {
      scheduler.shutdown();
    }
  }
}
