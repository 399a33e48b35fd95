// Launches Debian's chromium (never a downloaded browser) the way every browser test here needs it.
// CHROMIUM overrides the binary; extraArgs adds flags (e.g. --ignore-certificate-errors-spki-list=… to
// trust one loopback TLS certificate by its key, as an officer trusts the signing agent once).
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

// A value the JUnit side passed in the environment; a missing one is the test's bug, said plainly.
export function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`environment variable ${name} is not set (the JUnit test that runs this script sets it)`);
  }
  return value;
}

// Runs a script's steps, printing one line per passed step and exiting non-zero on the first failure,
// so the JUnit test shows which step broke and why.
export async function steps(body) {
  const browser = await launch(process.env.CHROMIUM_EXTRA_ARGS ? process.env.CHROMIUM_EXTRA_ARGS.split(' ') : []);
  try {
    await body(browser, (name) => console.log(`ok ${name}`));
  } catch (error) {
    console.error(`FAILED: ${error.stack || error}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

export function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}
