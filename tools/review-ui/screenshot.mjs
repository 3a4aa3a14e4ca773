// Takes the screenshot of the review page in docs/model-review.md from a running service (mvn spring-boot:run):
//   node screenshot.mjs http://localhost:8080 ../../docs/images/review-page.png [user] [password]
import { chromium } from 'playwright-core';

const [base = 'http://localhost:8080', file = 'review-page.png', user = 'demo', password = 'demo'] =
  process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 },
    httpCredentials: { username: user, password } });
  await page.goto(`${base}/review`);
  await page.waitForSelector('#canvas .review-overlay[data-element-id="Task_TriageTicket"]');
  await page.screenshot({ path: file });
  console.log(`wrote ${file}`);
} finally {
  await browser.close();
}
