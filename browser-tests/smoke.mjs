// Proves the browser-test harness itself: Debian's chromium, driven by playwright-core, loads a page
// from a loopback server the JUnit test started, runs its script and reports what it rendered.
import { steps, required, check } from './lib/chromium.mjs';

await steps(async (browser, ok) => {
  const page = await browser.newPage();
  await page.goto(required('PAGE_URL'));
  const heading = await page.locator('h1').textContent();
  check(heading === 'Xin chào', `the page's heading is ${JSON.stringify(heading)}`);
  ok('page loaded');
  await page.click('button');
  const answer = await page.locator('#answer').textContent();
  check(answer === 'đã bấm', `the button's script wrote ${JSON.stringify(answer)}`);
  ok('script ran');
});
