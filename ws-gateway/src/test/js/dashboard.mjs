// Opens the dashboard in headless Chromium and reports what a person would see (test: DashboardBrowserTest).
import { chromium } from 'playwright-core';
import { nextLine, fail } from './lines.mjs';

const [url, screenshot, profile] = process.argv.slice(2);
// a fresh profile directory each run: nothing cached from an earlier page
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const page = browser.pages()[0] || await browser.newPage();
  page.on('pageerror', (error) => console.error('page error: ' + error.message));
  await page.goto(url);
  const text = (id) => page.textContent('#' + id);
  await page.waitForFunction(() => document.getElementById('state').textContent.startsWith('subscribed'),
    null, { timeout: 60000 });
  console.log('READY');

  // round 1: the test publishes events for these symbols; the page must show them and its numbers
  const symbols = (await nextLine()).split(' ').slice(1);
  await page.waitForFunction((wanted) => wanted.every((s) => document.querySelector('tr.event[data-symbol="' + s + '"]')),
    symbols, { timeout: 60000 });
  await page.waitForFunction(() => Number(document.getElementById('clients').textContent) >= 1
    && document.getElementById('p99').textContent.endsWith('ms')
    && Number(document.getElementById('rate-tick').textContent) > 0, null, { timeout: 60000 });
  const shown = {
    total: Number(await text('total')),
    clients: Number(await text('clients')),
    rateTick: Number(await text('rate-tick')),
    p50: await text('p50'),
    p99: await text('p99'),
    rows: await page.$$eval('tr.event', (rows) => rows.map((r) => ({ id: r.dataset.id, symbol: r.dataset.symbol,
      type: r.children[2].textContent, channel: r.children[6].textContent, latency: r.children[7].textContent }))),
  };

  // round 2: a symbol filter; only the filtered symbol's new event may appear
  await page.fill('#filter-symbol', symbols[0]);
  console.log('FILTERED ' + JSON.stringify(shown));
  const [, visible, hidden] = (await nextLine()).split(' ');
  await page.waitForFunction((id) => document.querySelector('tr.event[data-id="' + id + '"]'), visible,
    { timeout: 60000 });
  await page.waitForFunction((before) => Number(document.getElementById('total').textContent) >= before + 2,
    shown.total, { timeout: 60000 });
  const hiddenShown = await page.$('tr.event[data-id="' + hidden + '"]');
  await page.screenshot({ path: screenshot });
  console.log('RESULT ' + JSON.stringify({ hiddenShown: hiddenShown !== null }));
} catch (error) {
  fail(error.stack);
} finally {
  await browser.close();
}
