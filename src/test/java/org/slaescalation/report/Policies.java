package org.slaescalation.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shipped SlaPolicy DMN and edits of it, as a lead would make them in Camunda Modeler. */
final class Policies {

  private Policies() {}

  /** The decision as shipped (and deployed by the tests' application). */
  static String shipped() {
    try (InputStream in = Policies.class.getResourceAsStream("/processes/sla-policy.dmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shipped decision with the text of output entry {@code entryId} replaced by {@code text}. */
  static String withEntry(String dmn, String entryId, String text) {
    String start = "<outputEntry id=\"" + entryId + "\"><text>";
    int at = dmn.indexOf(start);
    if (at < 0) {
      throw new IllegalArgumentException("No output entry " + entryId);
    }
    int end = dmn.indexOf("</text>", at);
    return dmn.substring(0, at + start.length()) + text + dmn.substring(end);
  }
}
