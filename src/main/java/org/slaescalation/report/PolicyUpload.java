package org.slaescalation.report;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The body of a what-if request: the DMN itself ({@code application/xml}, {@code text/xml}), or a
 * {@code multipart/form-data} form whose field {@code dmn} holds it and whose other fields are text. The service
 * parses no multipart bodies elsewhere ({@code spring.servlet.multipart.enabled: false}), so this one is read here,
 * by Jakarta Mail's MIME parser, after its size was checked.
 *
 * @param dmn the DMN's bytes; empty when the form had no field {@code dmn}
 * @param fields the form's text fields (none for a bare DMN body)
 */
record PolicyUpload(byte[] dmn, MultiValueMap<String, String> fields) {

  /** The most a DMN upload may be: the size of every request body of the service. */
  static final int MAX_BYTES = 1024 * 1024;

  /** A body larger than {@link #MAX_BYTES}. */
  static final class TooLargeException extends RuntimeException {
    TooLargeException() {
      super("The DMN upload is larger than " + MAX_BYTES + " bytes (1 MB), the most a what-if accepts");
    }
  }

  static PolicyUpload read(HttpServletRequest request) throws IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
    if (body.length > MAX_BYTES) {
      throw new TooLargeException();
    }
    MediaType type = MediaType.parseMediaType(request.getContentType());
    if (!MediaType.MULTIPART_FORM_DATA.includes(type)) {
      return new PolicyUpload(body, new LinkedMultiValueMap<>());
    }
    return multipart(body, request.getContentType());
  }

  private static PolicyUpload multipart(byte[] body, String contentType) {
    byte[] dmn = new byte[0];
    MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
    try {
      MimeMultipart form = new MimeMultipart(new ByteArrayDataSource(body, contentType));
      Map<String, byte[]> parts = new LinkedHashMap<>();
      for (int i = 0; i < form.getCount(); i++) {
        BodyPart part = form.getBodyPart(i);
        String[] disposition = part.getHeader("Content-Disposition");
        String name = disposition == null ? null : new ContentDisposition(disposition[0]).getParameter("name");
        if (name != null) {
          parts.put(name, part.getInputStream().readAllBytes());
        }
      }
      for (Map.Entry<String, byte[]> part : parts.entrySet()) {
        if ("dmn".equals(part.getKey())) {
          dmn = part.getValue();
        } else {
          fields.add(part.getKey(), new String(part.getValue(), StandardCharsets.UTF_8));
        }
      }
    } catch (MessagingException | IOException | RuntimeException unreadable) {
      throw new InvalidPolicyException("The multipart body cannot be read: " + unreadable.getMessage());
    }
    return new PolicyUpload(dmn, fields);
  }
}
