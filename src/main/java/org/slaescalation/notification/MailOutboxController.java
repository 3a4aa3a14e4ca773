package org.slaescalation.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /mail-outbox}: every mail the service would have sent, when no mail server is configured. With a mail
 * server ({@code spring.mail.host}, always so in the {@code prod} profile) the page does not exist.
 */
@Controller
@ConditionalOnExpression("'${spring.mail.host:}'.isBlank()")
class MailOutboxController {

  private final CapturedMails mails;
  private final MailDelivery delivery;

  MailOutboxController(CapturedMails mails, MailDelivery delivery) {
    this.mails = mails;
    this.delivery = delivery;
  }

  @GetMapping("/mail-outbox")
  String list(@RequestParam(defaultValue = "200") int limit, Model model) {
    model.addAttribute("capturing", delivery.keepsMailsForOutbox());
    model.addAttribute("delivery", delivery.describe());
    model.addAttribute("mails", mails.latest(Math.max(1, Math.min(limit, 1000))));
    return "mail-outbox";
  }

  @GetMapping("/mail-outbox/{id}")
  String show(@PathVariable long id, Model model) {
    model.addAttribute("mail", mails.find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No captured mail " + id)));
    return "mail-outbox-mail";
  }
}
