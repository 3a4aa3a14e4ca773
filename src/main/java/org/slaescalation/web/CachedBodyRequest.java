package org.slaescalation.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import org.springframework.web.util.WebUtils;

/**
 * A request whose body has been read into memory, so that a filter can inspect it and the servlet behind read it
 * again. Not for {@code application/x-www-form-urlencoded} bodies: the container parses those itself.
 */
public final class CachedBodyRequest extends HttpServletRequestWrapper {

  private final byte[] body;

  public CachedBodyRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  /**
   * The request with its body in memory: the request itself when it is one, else a wrapper around it, with the body
   * that a filter before cached (found behind any wrappers since, such as Spring Security's) or read now.
   */
  public static CachedBodyRequest of(HttpServletRequest request) throws IOException {
    CachedBodyRequest cached = WebUtils.getNativeRequest(request, CachedBodyRequest.class);
    if (cached == request) {
      return cached;
    }
    return new CachedBodyRequest(request, cached != null ? cached.body() : request.getInputStream().readAllBytes());
  }

  /** The body as it was sent. */
  public byte[] body() {
    return body;
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream stream = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return stream.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        return stream.read(buffer, offset, length);
      }

      @Override
      public boolean isFinished() {
        return stream.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("The body has been read into memory: read it synchronously");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
  }

  private Charset charset() {
    String encoding = getCharacterEncoding();
    try {
      return encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
      return StandardCharsets.ISO_8859_1;
    }
  }

  /** Whether the container parses this request's body as form parameters itself. */
  public static boolean isFormPost(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }
}
