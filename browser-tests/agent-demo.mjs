// The demo e-office page signing through the real signing agent (signer agent) and the real server.
// The JUnit test (AgentBrowserTest) starts both, trusts the agent's certificate by its key
// (CHROMIUM_EXTRA_ARGS=--ignore-certificate-errors-spki-list=…), and types the person's answers into
// the agent's terminal. SCENARIO says what is proven:
//   sign      the officer approves (personal), the clerk issues (organisation); the signed PDF is
//             written to OUT; ROUNDS rounds, each signing timed from the click to the page's result
//   cancel    the person refuses: the page says CANCELLED and offers nothing to download
//   foreign   the page is on an origin the agent does not allow: it is not answered at all
//   tamper    the agent's signature value is altered on its way to complete: the server refuses it
//   parameters  the page adds parameters to complete (another level, a reason): they change nothing
import { copyFileSync } from 'node:fs';
import { steps, required, check } from './lib/chromium.mjs';

const scenario = required('SCENARIO');
const pageUrl = required('PAGE_URL');

async function openDemo(page) {
  await page.goto(pageUrl);
  await page.waitForFunction(() => document.body.dataset.agent !== undefined, null, { timeout: 60000 });
  return page.evaluate(() => document.body.dataset.agent);
}

async function choose(page, select, name) {
  const value = await page.evaluate(([id, text]) => {
    const option = Array.from(document.getElementById(id).options).find((o) => o.textContent.includes(text));
    return option ? option.value : null;
  }, [select, name]);
  check(value, `no certificate of ${name} in #${select}`);
  await page.selectOption(`#${select}`, value);
}

/** Clicks, waits for the step's outcome (signed or an error) and answers it with the time taken. */
async function run(page, button, step) {
  await page.evaluate(() => { delete document.body.dataset.signed; delete document.body.dataset.error; });
  const started = Date.now();
  await page.click(button);
  await page.waitForFunction((s) => document.body.dataset.signed === s || document.body.dataset.error, step, { timeout: 120000 });
  const millis = Date.now() - started;
  const error = await page.evaluate(() => document.body.dataset.error || null);
  return { millis, error, result: await page.locator('#result').textContent() };
}

/** The signed document, as the officer gets it: through the page's download link (the CSP forbids reading blobs back). */
async function download(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  copyFileSync(await file.path(), required('OUT'));
}

await steps(async (browser, ok) => {
  const page = await browser.newPage();
  page.on('console', (message) => console.log(`page: ${message.text()}`));
  if (scenario === 'foreign') {
    const found = await openDemo(page);
    check(found === 'AGENT_NOT_RUNNING', `a page of another origin got ${found} from the agent`);
    ok('the agent did not answer a page of another origin');
    return;
  }
  const found = await openDemo(page);
  check(found === 'found', `the page did not find the agent: ${found} ${await page.locator('#agent-status').textContent()}`);
  ok('agent found, certificates listed');
  await choose(page, 'officer-certificate', required('OFFICER_NAME'));
  await choose(page, 'organisation-certificate', required('ORGANISATION_NAME'));

  if (scenario === 'cancel') {
    const refused = await run(page, '#approve', 'personal');
    check(refused.error === 'CANCELLED', `a refusal gave ${JSON.stringify(refused)}`);
    check(await page.locator('#download').isHidden(), 'a download is offered after a refusal');
    ok('the refusal answered CANCELLED and nothing was signed');
    return;
  }
  if (scenario === 'tamper') {
    // On its way from the page to complete (the agent's answer cannot be rewritten here: Playwright
    // would fetch it itself, and it trusts no agent certificate).
    await page.route('**/v1/sign/complete', async (route) => {
      const body = JSON.parse(route.request().postData());
      const value = Buffer.from(body.signatureValue, 'base64');
      value[value.length - 1] ^= 0x01;
      body.signatureValue = value.toString('base64');
      await route.continue({ postData: JSON.stringify(body) });
    });
    const tampered = await run(page, '#approve', 'personal');
    check(tampered.error === 'SIGNATURE_VALUE_REFUSED', `a tampered value gave ${JSON.stringify(tampered)}`);
    check(await page.locator('#download').isHidden(), 'a download is offered after a tampered value');
    ok('a tampered signature value was refused at complete');
    return;
  }
  if (scenario === 'parameters') {
    await page.route('**/v1/sign/complete', async (route) => {
      const body = JSON.parse(route.request().postData());
      body.level = 'LTA';
      body.reason = 'changed by the page';
      body.signingTime = '2020-01-01T00:00:00Z';
      await route.continue({ url: route.request().url() + '?level=LTA&reason=changed', postData: JSON.stringify(body) });
    });
    const signed = await run(page, '#approve', 'personal');
    check(!signed.error, `complete with extra parameters gave ${JSON.stringify(signed)}`);
    await download(page);
    ok('complete with extra parameters answered the document prepared');
    return;
  }
  const rounds = Number(process.env.ROUNDS || '1');
  for (let round = 1; round <= rounds; round++) {
    if (round > 1) {
      check(await openDemo(page) === 'found', 'the agent was found again');
      await choose(page, 'officer-certificate', required('OFFICER_NAME'));
      await choose(page, 'organisation-certificate', required('ORGANISATION_NAME'));
    }
    const approved = await run(page, '#approve', 'personal');
    check(!approved.error, `the approval failed: ${JSON.stringify(approved)}`);
    console.log(`timing personal ${approved.millis}`);
    const issued = await run(page, '#issue', 'organisation');
    check(!issued.error, `the issue failed: ${JSON.stringify(issued)}`);
    console.log(`timing organisation ${issued.millis}`);
    ok(`round ${round}: approved and issued`);
  }
  await download(page);
  ok('signed document written');
});
