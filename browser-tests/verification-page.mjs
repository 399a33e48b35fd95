// The verification page of signer-server (issue 16) in Debian's chromium: the four verdicts in
// Vietnamese, the switch to English, the per-signature card and the timeline, the whole flow by keyboard,
// a plain form post with JavaScript off, no console error (a CSP violation is one), no request leaving
// the page's origin, and no horizontal scroll at 375 px; a detached XML signature (issue 16): the page
// says so and offers the input for its content, VALID with it, INDETERMINATE without, INVALID with it
// changed, in Vietnamese and English, by keyboard too. Screenshots of each case go to SCREENSHOTS.
import { steps, required, check } from './lib/chromium.mjs';
import path from 'node:path';

const PAGE_URL = required('PAGE_URL');
const ORIGIN = new URL(PAGE_URL).origin;
const SHOTS = required('SCREENSHOTS');
const SIGNER = required('SIGNER');

// A new page whose console errors, page errors and requests elsewhere are collected as problems.
async function watched(browser, options = {}) {
  const context = await browser.newContext({ locale: 'vi-VN', ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content[- ]Security[- ]Policy/i.test(message.text())) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith(ORIGIN + '/')) {
      problems.push(`request outside the origin: ${request.url()}`);
    }
  });
  return { context, page, problems };
}

function clean(problems, what) {
  check(problems.length === 0, `${what}: ${problems.join('; ')}`);
}

async function verdictOf(page) {
  await page.waitForSelector('#verdict', { timeout: 60000 });
  const text = (await page.locator('#verdict').textContent()).replace(/^\S+\s/, '').trim();
  const section = await page.locator('section.verdict').getAttribute('class');
  return { text, section };
}

// Presses Tab until the element with id {@code id} has the focus (at most ten times); whether it got it.
async function tabTo(page, id) {
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement && document.activeElement.id) === id) {
      return true;
    }
  }
  return false;
}

async function upload(page, file) {
  await page.goto(PAGE_URL);
  await page.setInputFiles('#document', file);
  await page.click('#submit');
  return verdictOf(page);
}

await steps(async (browser, ok) => {
  const { context, page, problems } = await watched(browser);

  await page.goto(PAGE_URL);
  check((await page.locator('html').getAttribute('lang')) === 'vi', 'the page is Vietnamese by default');
  check(await page.locator('#drop-hint').isVisible(), 'the script ran: the drop hint is shown');
  check((await page.locator('label[for=document]').count()) === 1, 'the file input has its label');
  await page.screenshot({ path: path.join(SHOTS, 'form-vi.png'), fullPage: true });
  ok('form');

  const cases = [
    ['VALID', 'valid', 'Chữ ký hợp lệ', 'verdict-valid'],
    ['TAMPERED', 'tampered', 'Chữ ký không hợp lệ', 'verdict-invalid'],
    ['UNTRUSTED', 'untrusted', 'Không đủ thông tin xác thực', 'verdict-indeterminate'],
    ['UNSIGNED', 'unsigned', 'Không có chữ ký', 'verdict-no-signature'],
  ];
  for (const [variable, name, words, css] of cases) {
    const verdict = await upload(page, required(variable));
    check(verdict.text === words, `${name}: the verdict reads ${JSON.stringify(verdict.text)}, not ${words}`);
    check(verdict.section.includes(css), `${name}: the verdict's colour class is ${verdict.section}`);
    await page.screenshot({ path: path.join(SHOTS, `${name}-vi.png`), fullPage: true });
    ok(`${name}: ${words}`);
  }

  await upload(page, required('VALID'));
  const card = page.locator('article.card').first();
  check((await card.locator('h3').textContent()).includes(SIGNER), 'the card names the signer');
  const signerRow = card.locator('dl.facts div', { hasText: 'Người ký' }).first();
  check((await signerRow.locator('dd').textContent()) === SIGNER, 'the signer fact');
  check((await card.locator('dt', { hasText: 'CA gốc tin cậy' }).count()) === 1, 'the trust anchor fact');
  check((await card.locator('dt', { hasText: 'Tình trạng thu hồi' }).count()) === 1, 'the revocation fact');
  const revision = await page.locator('ol.timeline > li .revision').first().textContent();
  check(revision.startsWith('Phiên bản 1: do ' + SIGNER), `the timeline's first revision: ${revision}`);
  ok('card and timeline');

  await page.click('#language');
  const english = await verdictOf(page);
  check(english.text === 'Valid signature', `in English: ${english.text}`);
  check((await page.locator('html').getAttribute('lang')) === 'en', 'the page says it is English');
  await page.screenshot({ path: path.join(SHOTS, 'valid-en.png'), fullPage: true });
  ok('switched to English');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-pdf')]);
  check(download.suggestedFilename().endsWith('.pdf'), `the report's name ${download.suggestedFilename()}`);
  ok('PDF report downloaded');
  clean(problems, 'with the mouse');
  await context.close();
});

await steps(async (browser, ok) => {
  const { context, page, problems } = await watched(browser);
  await page.goto(PAGE_URL);
  // Tab from the top of the page to the file input, as a keyboard user would.
  check(await tabTo(page, 'document'), 'the file input is reached by Tab');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  await chooser.setFiles(required('VALID'));
  await page.keyboard.press('Tab');
  check((await page.evaluate(() => document.activeElement.id)) === 'submit', 'Tab then reaches the button');
  await page.keyboard.press('Enter');
  const verdict = await verdictOf(page);
  check(verdict.text === 'Chữ ký hợp lệ', `by keyboard: ${verdict.text}`);
  check(await tabTo(page, 'download-pdf'), 'the PDF download is reached by Tab');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  check(download.suggestedFilename().endsWith('.pdf'), 'downloaded by keyboard');
  clean(problems, 'by keyboard');
  ok('the whole flow by keyboard');
  await context.close();
});

// A detached XAdES: the signature alone, then with its content, then with the content changed.
await steps(async (browser, ok) => {
  const SIGNATURE = required('DETACHED_SIGNATURE');
  const CONTENT = required('DETACHED_CONTENT');
  const CHANGED = required('DETACHED_CHANGED');
  const NAME = path.basename(CONTENT);
  const languages = [
    ['vi', 'vi-VN', ['Chữ ký hợp lệ', 'Không đủ thông tin xác thực', 'Chữ ký không hợp lệ'], 'chưa có nội dung đã ký', 'chữ ký tách rời'],
    ['en', 'en-GB', ['Valid signature', 'Not enough information to validate', 'Invalid signature'],
      'the signed content was not given', 'is detached'],
  ];
  for (const [lang, locale, [valid, indeterminate, invalid], notGiven, detachedWords] of languages) {
    const { context, page, problems } = await watched(browser, { locale });
    await page.goto(PAGE_URL);
    check(await page.locator('#detached-part').isHidden(), `${lang}: no detached input before a document is chosen`);
    await page.setInputFiles('#document', required('VALID'));
    await page.waitForTimeout(200);
    check(await page.locator('#detached-part').isHidden(), `${lang}: no detached input for a PDF`);
    await page.setInputFiles('#document', SIGNATURE);
    await page.locator('#detached-part').waitFor({ state: 'visible' });
    const notice = await page.locator('#detached-found').textContent();
    check(notice.includes(NAME) && notice.includes(detachedWords), `${lang}: the page says the signature is detached: ${notice}`);
    check((await page.locator('label[for=detached]').count()) === 1, `${lang}: the content input has its label`);
    await page.screenshot({ path: path.join(SHOTS, `detached-form-${lang}.png`), fullPage: true });

    await page.click('#submit');
    const without = await verdictOf(page);
    check(without.text === indeterminate && without.section.includes('verdict-indeterminate'),
      `${lang}: without its content the verdict reads ${without.text}`);
    const reasons = await page.locator('ul.reasons').first().textContent();
    check(reasons.includes(notGiven) && reasons.includes(NAME), `${lang}: the reason: ${reasons}`);
    await page.screenshot({ path: path.join(SHOTS, `detached-without-${lang}.png`), fullPage: true });

    for (const [content, words, css, shot] of [[CONTENT, valid, 'verdict-valid', 'valid'], [CHANGED, invalid, 'verdict-invalid', 'changed']]) {
      await page.goto(PAGE_URL);
      await page.setInputFiles('#document', SIGNATURE);
      await page.locator('#detached').waitFor({ state: 'visible' });
      await page.setInputFiles('#detached', content);
      await page.click('#submit');
      const verdict = await verdictOf(page);
      check(verdict.text === words && verdict.section.includes(css), `${lang}: with the ${shot} content: ${verdict.text}`);
      const named = await page.locator('dl.facts div', { hasText: NAME }).first().textContent();
      check(/\b[0-9a-f]{64}\b/.test(named), `${lang}: the result names the content and its SHA-256: ${named}`);
      await page.screenshot({ path: path.join(SHOTS, `detached-${shot}-${lang}.png`), fullPage: true });
    }
    clean(problems, `detached, ${lang}`);
    ok(`detached XML in ${lang}: ${indeterminate} without its content, ${valid} with it, ${invalid} changed`);
    await context.close();
  }

  // By keyboard: the content input comes after the document's, and Tab reaches it once it is offered.
  const { context, page, problems } = await watched(browser);
  await page.goto(PAGE_URL);
  check(await tabTo(page, 'document'), 'the file input is reached by Tab');
  const [first] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  await first.setFiles(SIGNATURE);
  await page.locator('#detached').waitFor({ state: 'visible' });
  await page.keyboard.press('Tab');
  check((await page.evaluate(() => document.activeElement.id)) === 'detached', 'Tab reaches the content input');
  const [second] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  check(second.isMultiple(), 'several content files may be chosen');
  await second.setFiles(CONTENT);
  await page.keyboard.press('Tab');
  check((await page.evaluate(() => document.activeElement.id)) === 'submit', 'then the button');
  await page.keyboard.press('Enter');
  const verdict = await verdictOf(page);
  check(verdict.text === 'Chữ ký hợp lệ', `detached by keyboard: ${verdict.text}`);
  clean(problems, 'detached by keyboard');
  ok('a detached signature and its content by keyboard');
  await context.close();
});

await steps(async (browser, ok) => {
  const { context, page, problems } = await watched(browser, { javaScriptEnabled: false });
  // Without the script the content input is always there.
  await page.goto(PAGE_URL);
  await page.setInputFiles('#document', required('DETACHED_SIGNATURE'));
  await page.setInputFiles('#detached', required('DETACHED_CONTENT'));
  await page.click('#submit');
  const detached = await verdictOf(page);
  check(detached.text === 'Chữ ký hợp lệ', `a detached signature without JavaScript: ${detached.text}`);
  const verdict = await upload(page, required('TAMPERED'));
  check(verdict.text === 'Chữ ký không hợp lệ', `without JavaScript: ${verdict.text}`);
  clean(problems, 'without JavaScript');
  ok('a plain form post works with JavaScript off');
  await context.close();
});

await steps(async (browser, ok) => {
  const { context, page, problems } = await watched(browser, { viewport: { width: 375, height: 740 }, isMobile: true });
  for (const [name, load] of [['form', () => page.goto(PAGE_URL)], ['result', () => upload(page, required('VALID'))]]) {
    await load();
    await page.waitForLoadState('load');
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    check(widths[0] <= widths[1], `${name} at 375 px scrolls sideways: ${widths[0]} > ${widths[1]}`);
    await page.screenshot({ path: path.join(SHOTS, `${name}-375px.png`), fullPage: true });
  }
  clean(problems, 'on a phone');
  ok('no horizontal scroll at 375 px');
  await context.close();
});
