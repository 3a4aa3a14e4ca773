package org.slaescalation.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relative links of Markdown files, checked the way GitHub renders them: an inline link or image
 * {@code [text](target "title")} or a reference definition {@code [ref]: target}, outside code spans and fenced
 * code blocks, must name a file or folder of the repository, and its {@code #anchor} must be the anchor of a
 * heading when the target is a Markdown file (the file itself for {@code (#anchor)}). Links with a scheme such as
 * {@code https:} or {@code mailto:} are not checked.
 */
final class MarkdownLinks {

  private static final Pattern INLINE_LINK =
      Pattern.compile("!?\\[([^\\]]*)]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+]:\\s*<?([^\\s>]+)>?.*$");
  private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,}).*$");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  private final Path root;
  private final Map<Path, Set<String>> anchors = new HashMap<>();

  /** @param root the repository: links may not leave it, and links starting with {@code /} start from it */
  MarkdownLinks(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** One broken link: where it is, what it says and why it does not work. */
  record Problem(Path file, int line, String link, String reason) {

    @Override
    public String toString() {
      return file + ":" + line + ": " + link + ": " + reason;
    }
  }

  /** Every broken relative link of {@code file}, in the order they appear. */
  List<Problem> check(Path file) {
    Path source = file.toAbsolutePath().normalize();
    List<Problem> problems = new ArrayList<>();
    List<String> lines = read(source);
    boolean inFence = false;
    String fence = "";
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher opening = FENCE.matcher(line);
      if (opening.matches()) {
        String marker = opening.group(1);
        if (!inFence) {
          inFence = true;
          fence = marker;
        } else if (marker.charAt(0) == fence.charAt(0) && marker.length() >= fence.length()
            && line.strip().equals(marker)) {
          inFence = false;
        }
        continue;
      }
      if (inFence) {
        continue;
      }
      String text = withoutCodeSpans(line);
      Matcher inline = INLINE_LINK.matcher(text);
      while (inline.find()) {
        check(source, i + 1, line.substring(inline.start(), inline.end()), inline.group(2), problems);
      }
      Matcher definition = REFERENCE_DEFINITION.matcher(text);
      if (definition.matches()) {
        check(source, i + 1, line.strip(), definition.group(1), problems);
      }
    }
    return problems;
  }

  private void check(Path source, int line, String link, String target, List<Problem> problems) {
    if (SCHEME.matcher(target).find()) {
      return;
    }
    int hash = target.indexOf('#');
    String pathPart = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path resolved;
    if (pathPart.isEmpty()) {
      resolved = source;
    } else {
      String decoded = URLDecoder.decode(pathPart.replace("+", "%2B"), StandardCharsets.UTF_8);
      Path base = decoded.startsWith("/") ? root : source.getParent();
      resolved = base.resolve(decoded.replaceFirst("^/+", "")).normalize();
    }
    Path shown = root.relativize(source);
    if (!resolved.startsWith(root)) {
      problems.add(new Problem(shown, line, link, "points outside the repository"));
    } else if (!Files.exists(resolved)) {
      problems.add(new Problem(shown, line, link, "no file " + root.relativize(resolved)));
    } else if (anchor != null && isMarkdown(resolved) && !anchorsOf(resolved).contains(anchor)) {
      problems.add(new Problem(shown, line, link,
          "no heading with anchor #" + anchor + " in " + root.relativize(resolved)));
    }
  }

  private static boolean isMarkdown(Path file) {
    return Files.isRegularFile(file) && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md");
  }

  /** The anchors GitHub gives the headings of {@code file}; a repeated heading gets {@code -1}, {@code -2}, .... */
  Set<String> anchorsOf(Path file) {
    return anchors.computeIfAbsent(file.toAbsolutePath().normalize(), f -> {
      Set<String> found = new HashSet<>();
      Map<String, Integer> seen = new HashMap<>();
      boolean inFence = false;
      for (String line : read(f)) {
        if (FENCE.matcher(line).matches()) {
          inFence = !inFence;
          continue;
        }
        Matcher heading = HEADING.matcher(line);
        if (!inFence && heading.matches()) {
          String slug = slug(heading.group(2));
          int count = seen.merge(slug, 1, Integer::sum);
          found.add(count == 1 ? slug : slug + "-" + (count - 1));
        }
      }
      return found;
    });
  }

  /**
   * GitHub's anchor of a heading: its text as rendered (a link's text, no markup), lower-case, without punctuation
   * other than {@code -} and {@code _}, each space a {@code -}.
   */
  static String slug(String heading) {
    String text = heading.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
    StringBuilder slug = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (c == ' ') {
        slug.append('-');
      } else if (c == '-' || c == '_' || Character.isLetterOrDigit(c)) {
        slug.appendCodePoint(c);
      }
    });
    return slug.toString();
  }

  /** The line with each code span blanked out, so that offsets stay those of the line. */
  private static String withoutCodeSpans(String line) {
    Matcher span = CODE_SPAN.matcher(line);
    StringBuilder text = new StringBuilder();
    while (span.find()) {
      span.appendReplacement(text, Matcher.quoteReplacement(" ".repeat(span.group().length())));
    }
    span.appendTail(text);
    return text.toString();
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
