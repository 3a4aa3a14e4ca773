package org.slaescalation.notification;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the mail templates under {@code templates/mail/}: {@code <name>.html} in HTML mode (text is
 * escaped) and {@code <name>.txt} in plain-text mode.
 */
@Component
public class MailTemplates {

  private final SpringTemplateEngine engine = new SpringTemplateEngine();

  public MailTemplates() {
    engine.setEnableSpringELCompiler(true);
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(Set.of(pattern));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    resolver.setCacheable(true);
    resolver.setOrder(order);
    return resolver;
  }

  /** The plain-text and HTML bodies of template {@code name}. */
  public Bodies render(String name, Map<String, Object> model) {
    Context context = new Context(Locale.ENGLISH, model);
    return new Bodies(engine.process(name + ".txt", context), engine.process(name + ".html", context));
  }

  /** A rendered mail body in both formats. */
  public record Bodies(String text, String html) {}
}
