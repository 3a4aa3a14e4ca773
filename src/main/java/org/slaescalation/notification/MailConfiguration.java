package org.slaescalation.notification;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

  /** SMTP when spring.mail.host is set (Boot then provides a JavaMailSender); the outbox page otherwise. */
  @Bean
  MailDelivery mailDelivery(ObjectProvider<JavaMailSender> sender, ObjectProvider<MailProperties> smtp,
      MailSettings properties, CapturedMails captured, Clock clock) {
    JavaMailSender javaMailSender = sender.getIfAvailable();
    if (javaMailSender == null) {
      return new CapturingMailDelivery(captured, clock);
    }
    if (javaMailSender instanceof JavaMailSenderImpl smtpSender) {
      SendDeadline.apply(smtpSender, properties.sendTimeout());
    }
    MailProperties server = smtp.getObject();
    return new SmtpMailDelivery(javaMailSender, properties.from(), server.getHost() + ":" + server.getPort());
  }
}
