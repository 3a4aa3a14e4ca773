package org.slaescalation.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium for the end-to-end tests, one fresh headless browser per test:
 * {@code @RegisterExtension final HeadlessChromium browser = new HeadlessChromium(1400, 1000);}.
 *
 * <p>Without {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} a test is skipped locally and fails on CI
 * (environment variable {@code CI} set), so CI cannot go green without it. The driver executable and browser binary
 * are explicit: Selenium Manager is never asked to download one. When a test fails, a screenshot and the page source
 * are written to {@code target/e2e/}, before the browser is closed.
 */
public final class HeadlessChromium implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path ARTIFACTS = Path.of("target", "e2e");
  /** Generous: the webapps load their scripts, then the data, then render, on a busy CI machine. */
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  /**
   * Selenium looks for a DevTools implementation matching the browser version and warns when Debian's Chromium is
   * newer than the ones it bundles; the tests do not use DevTools. Kept in a field so that the logger, and its
   * level, is not garbage collected.
   */
  private static final Logger SELENIUM_DEVTOOLS = Logger.getLogger("org.openqa.selenium.devtools");

  static {
    SELENIUM_DEVTOOLS.setLevel(Level.SEVERE);
  }

  private final int width;
  private final int height;
  private WebDriver driver;
  private Path profile;

  public HeadlessChromium(int width, int height) {
    this.width = width;
    this.height = height;
  }

  public WebDriver driver() {
    return driver;
  }

  /** Called before each test, not once per class, so that Surefire reports a skip as skipped, with the reason. */
  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    requireBrowser();
    profile = Files.createTempDirectory("e2e-browser-profile");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
    driver = new ChromeDriver(service, options);
  }

  /** Runs before the browser is closed, so the failing page can still be saved. */
  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isPresent() && driver != null) {
      savePage("failure-" + context.getRequiredTestMethod().getName());
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
    try {
      if (profile != null) {
        FileSystemUtils.deleteRecursively(profile);
      }
    } catch (IOException e) {
      // a temporary browser profile left behind is harmless
    }
  }

  private static void requireBrowser() {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      return;
    }
    String message = "The end-to-end test needs " + CHROMIUM + " and " + CHROMEDRIVER
        + ": apt-get install chromium chromium-driver (.ci/run installs them)";
    String ci = System.getenv("CI");
    if (ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci)) {
      Assertions.fail(message);
    }
    Assumptions.abort(message);
  }

  /** Waits, polling, until {@code condition} holds (a value neither null nor false). */
  public <T> T await(String what, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, TIMEOUT)
        .ignoring(StaleElementReferenceException.class)
        .withMessage(what)
        .until(condition);
  }

  /** Clicks once the element is there and clickable; the webapps re-render lists and forms while loading. */
  public void click(By locator) {
    await("click " + locator, d -> {
      try {
        WebElement element = d.findElement(locator);
        if (!element.isDisplayed() || !element.isEnabled()) {
          return false;
        }
        // Tasklist's fixed footer covers the bottom of the scrolled task pane: click in the middle.
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        return true;
      } catch (ElementClickInterceptedException e) {
        return false;
      }
    });
  }

  /** The user name field of the login form of Camunda's webapps. */
  public static final By WEBAPP_LOGIN_USERNAME =
      By.cssSelector("form[name='signinForm'] input[ng-model='username']");
  /** The account menu of Camunda's webapps, shown once logged in. */
  public static final By WEBAPP_ACCOUNT_MENU = By.cssSelector("li.account a.dropdown-toggle");

  /**
   * Types user and password (the user name) into the login form of Camunda's webapps and sends it. The form can
   * re-render while it is typed into (after a log-out the field took both words once): it types until both fields
   * hold exactly what they should.
   */
  public void submitWebappLogin(String user) {
    await("login form filled in for " + user, d -> {
      WebElement username = d.findElement(WEBAPP_LOGIN_USERNAME);
      WebElement password = d.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='password']"));
      if (!username.isDisplayed() || !password.isDisplayed()) {
        return false;
      }
      username.clear();
      username.sendKeys(user);
      password.clear();
      password.sendKeys(user);
      return user.equals(username.getDomProperty("value")) && user.equals(password.getDomProperty("value"));
    });
    click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
  }

  /** Opens a webapp ({@code appUrl}, e.g. Tasklist's) and logs in to it as {@code user}. */
  public void logInToWebapp(String appUrl, String user) {
    driver.get(appUrl);
    submitWebappLogin(user);
    await("logged in to " + appUrl + " as " + user, d -> d.findElement(WEBAPP_ACCOUNT_MENU).isDisplayed());
  }

  /**
   * Opens one of the service's pages ({@code url}), which sends an anonymous browser to the service's login page, and
   * logs in there as {@code user} (password = user name); the login page then sends the browser back.
   */
  public void logInToPage(String url, String user) {
    driver.get(url);
    await("the login page", ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(user);
    driver.findElement(By.cssSelector("form.login button[type='submit']")).click();
  }

  /** Saves what the window shows as {@code target/e2e/<name>.png}. */
  public void saveScreenshot(String name) {
    write(name + ".png", ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  private void savePage(String name) {
    try {
      saveScreenshot(name);
      write(name + ".html", driver.getPageSource().getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      // the browser may be the reason for the failure; the test's own error is the one to report
      System.err.println("Could not save the page of the failed end-to-end test: " + e);
    }
  }

  /** Writes {@code target/e2e/<file>}, atomically, so a half-written file never looks like a result. */
  public static void write(String file, byte[] content) {
    try {
      Files.createDirectories(ARTIFACTS);
      Path temporary = Files.createTempFile(ARTIFACTS, file, ".part");
      Files.write(temporary, content);
      Files.move(temporary, ARTIFACTS.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
