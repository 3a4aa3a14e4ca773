package org.slaescalation.inbound;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The known senders of {@code escalation.inbound-mail.known-senders} (none by default: every unmatched mail is then
 * rejected). A stand-in until the customer records answer {@link KnownSenders}.
 */
final class ConfiguredSenders implements KnownSenders {

  private final Map<String, Sender> byAddress;

  ConfiguredSenders(List<Sender> senders) {
    byAddress = senders.stream().collect(Collectors.toUnmodifiableMap(sender -> key(sender.email()),
        Function.identity(), (first, second) -> {
          throw new IllegalArgumentException("escalation.inbound-mail.known-senders lists " + first.email()
              + " twice; list each address once");
        }));
  }

  @Override
  public Optional<Sender> byEmail(String address) {
    return address == null ? Optional.empty() : Optional.ofNullable(byAddress.get(key(address)));
  }

  private static String key(String address) {
    return address.strip().toLowerCase(Locale.ROOT);
  }
}
