// An e-office page written for the Government CA plugin (pages/vgca-eoffice.html, served by the test's
// EofficeStandIn) signing through the real agent (signer agent) over wss. The JUnit test
// (PluginBrowserTest) starts the stand-in and the agent, trusts the agent's certificate by its key
// (CHROMIUM_EXTRA_ARGS) and answers the agent's terminal. SCENARIO says what is proven:
//   issued         SignIssued ROUNDS times, each timed from the call to the answer; Status 0 each time
//   cancel         the person refuses: Status 11
//   foreignUpload  FileUploadHandler on another origin (OTHER_UPLOAD): Status 1
//   foreignPage    the page is on an origin the agent does not allow: the handshake fails, no answer
import { steps, required, check } from './lib/chromium.mjs';

const scenario = required('SCENARIO');
const pageUrl = required('PAGE_URL');

await steps(async (browser, ok) => {
  const page = await browser.newPage();
  page.on('console', (message) => console.log(`page: ${message.text()}`));
  await page.goto(pageUrl);
  const issue = (upload) => page.evaluate((u) => issue('125/SKHCN-VP', '03/12/2026', u), upload || null);
  if (scenario === 'issued') {
    const rounds = Number(process.env.ROUNDS || '1');
    for (let round = 1; round <= rounds; round++) {
      const started = Date.now();
      const answer = await issue();
      const millis = Date.now() - started;
      check(answer.Status === 0, `round ${round}: ${JSON.stringify(answer)}`);
      check(answer.FileName === 'signed/cong-van-125.pdf', `the upload handler's answer was not relayed: ${JSON.stringify(answer)}`);
      console.log(`timing issued ${millis}`);
      ok(`round ${round}: issued, the upload handler's answer relayed`);
    }
    return;
  }
  if (scenario === 'cancel') {
    const answer = await issue();
    check(answer.Status === 11, `a refusal gave ${JSON.stringify(answer)}`);
    ok('the refusal answered Status 11');
    return;
  }
  if (scenario === 'foreignUpload') {
    const answer = await issue(required('OTHER_UPLOAD'));
    check(answer.Status === 1 && answer.Message.includes('không thuộc nguồn'), `an upload to another origin gave ${JSON.stringify(answer)}`);
    ok('an upload handler on another origin was refused');
    return;
  }
  if (scenario === 'foreignPage') {
    const answer = await issue();
    check(answer.Status === 1 && answer.Message === 'AGENT_UNREACHABLE', `a page of another origin got ${JSON.stringify(answer)}`);
    ok('a page of another origin was refused at the handshake');
    return;
  }
  throw new Error(`unknown scenario ${scenario}`);
});
