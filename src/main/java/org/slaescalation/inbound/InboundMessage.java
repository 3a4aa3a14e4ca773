package org.slaescalation.inbound;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer's mail as the service reads it.
 *
 * @param messageId its {@code Message-ID}; when it has none, one derived from sender, date, subject and text
 *                  ({@code <derived.<sha-256>@inbound.invalid>}), the same each time the mail is read again
 * @param from      the sender's address, lower case; null when the mail names none
 * @param threadIds the Message-IDs it answers: {@code In-Reply-To} first, then {@code References} newest first
 * @param text      the customer's words: the plain-text part (else the HTML part as text), without the quoted
 *                  history, at most {@value #MAX_TEXT} characters
 */
record InboundMessage(String messageId, String from, String subject, List<String> threadIds, String text,
    Instant sentAt) {

  static final int MAX_TEXT = 20_000;

  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,290}>");
  private static final Pattern ON_WROTE = Pattern.compile("(?i)^\\s*(on\\s.+wrote|am\\s.+schrieb.*|le\\s.+a\\s+écrit)"
      + "\\s*:\\s*$");
  private static final Pattern ON_ONLY = Pattern.compile("(?i)^\\s*(on|am|le)\\s.+$");
  private static final Pattern WROTE_ONLY = Pattern.compile("(?i)^.*(wrote|schrieb|a\\s+écrit)\\s*:\\s*$");
  private static final Pattern SEPARATOR = Pattern.compile("(?i)^\\s*-{2,}\\s*(original message|ursprüngliche"
      + " nachricht)\\s*-{2,}\\s*$");

  /** Reads a mail; throws when its headers or text cannot be read (the mail is then rejected as unreadable). */
  static InboundMessage read(Message mail) throws MessagingException, IOException {
    String from = sender(mail);
    String subject = mail.getSubject() == null ? "" : mail.getSubject().strip();
    Instant sentAt = mail.getSentDate() == null ? null : mail.getSentDate().toInstant();
    List<String> threadIds = new ArrayList<>(ids(mail.getHeader("In-Reply-To")));
    List<String> references = ids(mail.getHeader("References"));
    for (int i = references.size() - 1; i >= 0; i--) {
      if (!threadIds.contains(references.get(i))) {
        threadIds.add(references.get(i));
      }
    }
    String text = text(mail);
    String written = cap(withoutQuotes(text == null ? "" : text));
    List<String> own = ids(mail.getHeader("Message-ID"));
    String messageId = own.isEmpty() ? derivedId(from, sentAt, subject, text) : own.get(0);
    return new InboundMessage(messageId, from, subject, List.copyOf(threadIds), written, sentAt);
  }

  /** The first address of {@code From}, lower case, or null. */
  static String sender(Message mail) throws MessagingException {
    Address[] from = mail.getFrom();
    if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)
        || address.getAddress() == null || !address.getAddress().contains("@")) {
      return null;
    }
    return address.getAddress().strip().toLowerCase(Locale.ROOT);
  }

  static String derivedId(String from, Instant sentAt, String subject, String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {from, String.valueOf(sentAt), subject, text}) {
        sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return "<derived." + HexFormat.of().formatHex(sha.digest(), 0, 20) + "@inbound.invalid>";
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static List<String> ids(String[] headers) {
    if (headers == null) {
      return List.of();
    }
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (String header : headers) {
      Matcher matcher = MESSAGE_ID.matcher(header);
      while (matcher.find()) {
        ids.add(matcher.group());
      }
    }
    return List.copyOf(ids);
  }

  /** The text/plain part that is not an attachment, else the first text/html part as text; null when none. */
  private static String text(Part part) throws MessagingException, IOException {
    String plain = find(part, "text/plain");
    if (plain != null) {
      return plain;
    }
    String html = find(part, "text/html");
    return html == null ? null : htmlAsText(html);
  }

  private static String find(Part part, String type) throws MessagingException, IOException {
    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return null;
    }
    if (part.isMimeType(type)) {
      Object content = part.getContent();
      return content instanceof String text ? text : null;
    }
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        String found = find(child, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  static String htmlAsText(String html) {
    String text = html.replaceAll("(?is)<(script|style|head)[^>]*>.*?</\\1>", "")
        .replaceAll("(?is)<blockquote[^>]*>.*?</blockquote>", "")
        .replaceAll("(?i)<br\\s*/?>", "\n")
        .replaceAll("(?i)</(p|div|li|tr|h\\d)>", "\n")
        .replaceAll("(?s)<[^>]*>", "");
    return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&");
  }

  /**
   * The text above the quoted history: it ends at the first {@code On … wrote:} line (also split over two lines, and
   * its German and French forms) or {@code -----Original Message-----}; lines starting with {@code >} are dropped.
   * A mail that is nothing but quotes keeps its whole text.
   */
  static String withoutQuotes(String text) {
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (ON_WROTE.matcher(line).matches() || SEPARATOR.matcher(line).matches()
          || (ON_ONLY.matcher(line).matches() && i + 1 < lines.length && WROTE_ONLY.matcher(lines[i + 1]).matches()
              && !ON_WROTE.matcher(lines[i + 1]).matches())) {
        break;
      }
      if (!line.stripLeading().startsWith(">")) {
        kept.add(line.stripTrailing());
      }
    }
    String written = String.join("\n", kept).strip();
    return written.isEmpty() ? text.strip() : written;
  }

  private static String cap(String text) {
    if (text.length() <= MAX_TEXT) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
    return text.substring(0, end);
  }
}
