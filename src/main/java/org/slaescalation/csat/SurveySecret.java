package org.slaescalation.csat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key that signs survey links: {@code escalation.csat.secret}, or, when it is unset (only allowed outside the
 * {@code prod} profile), 32 random bytes generated on first use and kept in table {@code csat_secret}, so that links
 * survive a restart and every node of a cluster signs alike. No key is ever known to the public.
 */
@Component
class SurveySecret {

  private static final int INSTALLATION = 1;

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final String configured;
  private volatile byte[] key;

  SurveySecret(JdbcClient jdbc, PlatformTransactionManager transactions, CsatProperties properties) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.configured = properties.secret();
  }

  /** Reads (or generates) the key once the service runs, before the first ticket closes. */
  @EventListener(ApplicationReadyEvent.class)
  void load() {
    key();
  }

  byte[] key() {
    byte[] known = key;
    if (known == null) {
      known = configured != null ? configured.getBytes(StandardCharsets.UTF_8) : installationKey();
      key = known;
    }
    return known.clone();
  }

  private byte[] installationKey() {
    Optional<String> stored = stored();
    if (stored.isEmpty()) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      try {
        // In a transaction of its own: a lost race must not abort a caller's transaction (PostgreSQL would).
        ownTransaction.executeWithoutResult(status -> jdbc.sql(
                "insert into csat_secret (id, secret) values (:id, :secret)").param("id", INSTALLATION)
            .param("secret", Base64.getEncoder().encodeToString(random)).update());
      } catch (DuplicateKeyException anotherNodeWasFirst) {
        // Its key is the installation's.
      }
      stored = stored();
    }
    return Base64.getDecoder().decode(stored.orElseThrow());
  }

  private Optional<String> stored() {
    return jdbc.sql("select secret from csat_secret where id = :id").param("id", INSTALLATION).query(String.class)
        .optional();
  }
}
