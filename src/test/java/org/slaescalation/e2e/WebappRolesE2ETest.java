package org.slaescalation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.HeadlessChromium;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each role in the webapps, in a real (headless) Chromium: the administrator opens Cockpit and Admin; a support
 * agent sees only the support team's queue in Tasklist, and Cockpit refuses them, at its login form and when they
 * come from Tasklist already logged in.
 */
@ApplicationTest
class WebappRolesE2ETest {

  @LocalServerPort int port;

  @RegisterExtension
  final HeadlessChromium browser = new HeadlessChromium(1400, 1000);

  private WebDriver driver;

  @BeforeEach
  void useBrowser() {
    driver = browser.driver();
  }

  @Test
  void theAdministratorOpensCockpitAndAdmin() {
    logIn("cockpit", "demo");
    await("Cockpit's dashboard", presenceOfElementLocated(By.cssSelector(".ctn-view.dashboard")));
    assertThat(driver.findElement(By.cssSelector("body")).getText()).contains("Running Process Instances");
    browser.saveScreenshot("cockpit-administrator");

    driver.get(app("admin") + "#/users");
    await("Admin's list of users shows the agents", d -> d.findElement(By.cssSelector("body")).getText()
        .contains("sam"));
  }

  @Test
  void anAgentSeesOnlyTheirTeamsQueueInTasklist() {
    logIn("tasklist", "sam");

    await("the filters of sam", d -> d.findElements(By.cssSelector(".task-filter h4 a")).size() == 3);
    assertThat(driver.findElements(By.cssSelector(".task-filter h4 a"))).extracting(WebElement::getText)
        .allSatisfy(name -> assertThat(name).matches("(Support queue|Waiting on customer|My tasks).*"));
    assertThat(driver.findElement(By.cssSelector("body")).getText())
        .doesNotContain("Engineering queue", "Sysadmin queue", "All open tickets");
  }

  @Test
  void cockpitRefusesAnAgentAtItsLogin() {
    driver.get(app("cockpit"));
    browser.submitWebappLogin("sam");

    WebElement notice = await("Cockpit's refusal", visibilityOfElementLocated(By.cssSelector(".notifications .alert")));
    assertThat(notice.getText()).contains("Login Failed");
    assertThat(driver.findElements(By.cssSelector(".ctn-view.dashboard"))).isEmpty();
    browser.saveScreenshot("cockpit-refuses-agent");
  }

  @Test
  void cockpitRefusesAnAgentComingFromTasklist() {
    logIn("tasklist", "sam");

    driver.get(app("cockpit"));

    await("the page that says who may open Cockpit", d -> d.findElement(By.cssSelector("body")).getText()
        .contains("Cockpit and Admin are for administrators"));
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("403 Forbidden");
    assertThat(driver.findElements(By.cssSelector(".ctn-view.dashboard"))).isEmpty();
  }

  private String app(String name) {
    return "http://localhost:" + port + "/camunda/app/" + name + "/default/";
  }

  private void logIn(String app, String user) {
    browser.logInToWebapp(app(app), user);
  }

  private <T> T await(String what, Function<WebDriver, T> condition) {
    return browser.await(what, condition);
  }
}
