package org.slaescalation.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README and the pages under docs/ link to files and headings that exist, as GitHub renders them. */
class DocumentationLinksTest {

  private static final Path ROOT = Path.of("");
  private static final Path README = Path.of("README.md");

  private static List<Path> pages() throws IOException {
    try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
      return Stream.concat(Stream.of(README), docs.filter(p -> p.toString().endsWith(".md")).sorted()).toList();
    }
  }

  @Test
  void everyRelativeLinkNamesAnExistingFileAndHeading() throws IOException {
    MarkdownLinks links = new MarkdownLinks(ROOT);

    List<MarkdownLinks.Problem> problems = pages().stream().flatMap(page -> links.check(page).stream()).toList();

    assertThat(problems).as("broken links (file:line: link: reason)").isEmpty();
  }

  @Test
  void theReadmeStaysShort() throws IOException {
    assertThat(Files.size(README)).as("bytes of README.md; details belong on a page under docs/")
        .isLessThanOrEqualTo(14_000);
  }

  @Test
  void aMissingFileOrHeadingIsReportedWithItsLine(@TempDir Path repo) throws IOException {
    Files.createDirectories(repo.resolve("docs"));
    Files.createDirectories(repo.resolve("src"));
    Files.writeString(repo.resolve("src/Main.java"), "class Main {}");
    Files.writeString(repo.resolve("docs/guide.md"), """
        # Guide

        ## Clocks and escalations

        ## Code in queries: CVE-2026-109432

        ```
        ## Not a heading
        [not a link](nowhere.md)
        ```
        """);
    Files.writeString(repo.resolve("README.md"), """
        # Readme
        See [the guide](docs/guide.md#clocks-and-escalations), [the CVE](docs/guide.md#code-in-queries-cve-2026-109432),
        [the source](src/Main.java), [the top](#readme), [GitHub](https://github.com/x#y) and `[code](none.md)`.
        A [moved section](docs/guide.md#not-a-heading), a [`missing` page](docs/gone.md) and [a typo](#readm).
        [far away](../../outside.md)
        [ref]: docs/guide.md#calendars
        """);

    List<MarkdownLinks.Problem> problems = new MarkdownLinks(repo).check(repo.resolve("README.md"));

    assertThat(problems).extracting(Object::toString).containsExactly(
        "README.md:4: [moved section](docs/guide.md#not-a-heading): no heading with anchor #not-a-heading in "
            + Path.of("docs", "guide.md"),
        "README.md:4: [`missing` page](docs/gone.md): no file " + Path.of("docs", "gone.md"),
        "README.md:4: [a typo](#readm): no heading with anchor #readm in README.md",
        "README.md:5: [far away](../../outside.md): points outside the repository",
        "README.md:6: [ref]: docs/guide.md#calendars: no heading with anchor #calendars in "
            + Path.of("docs", "guide.md"));
  }

  @Test
  void anchorsFollowGitHubsRules() {
    assertThat(MarkdownLinks.slug("Audit: who did what")).isEqualTo("audit-who-did-what");
    assertThat(MarkdownLinks.slug("Escalation lag (`EscalationLagBenchmark`)"))
        .isEqualTo("escalation-lag-escalationlagbenchmark");
    assertThat(MarkdownLinks.slug("The first administrator: the setup endpoint (CVE-2026-77226 class)"))
        .isEqualTo("the-first-administrator-the-setup-endpoint-cve-2026-77226-class");
    assertThat(MarkdownLinks.slug("job_executor settings")).isEqualTo("job_executor-settings");
    assertThat(MarkdownLinks.slug("See [Lint](lint.md)")).isEqualTo("see-lint");
  }
}
