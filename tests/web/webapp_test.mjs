// The web app in a real browser: `parallax serve` over the bundled newsroom
// example (plus one invented hostile article), driven by playwright-core in
// Debian's chromium, on loopback only. Screenshots go to OUTDIR.
//
//   node webapp_test.mjs PATH_TO_PARALLAX SOURCE_DIR OUTDIR
//
// Exits 0 when every check passes, 1 when one fails or the browser cannot
// run (a browser test that cannot run must not look green).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [bin, source, outdir] = process.argv.slice(2);
if (!bin || !source || !outdir) {
  console.error('usage: node webapp_test.mjs PATH_TO_PARALLAX SOURCE_DIR OUTDIR');
  process.exit(2);
}
mkdirSync(outdir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'parallax-web-'));
let failures = 0;
function check(condition, what) {
  if (condition) {
    console.log(`ok   ${what}`);
  } else {
    failures += 1;
    console.log(`FAIL ${what}`);
  }
}

function run(args) {
  const r = spawnSync(bin, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`parallax ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
}

// The store: the newsroom, and a report whose title, outlet and text are
// markup and script, of an event of its own.
const db = join(work, 'web.db');
const hostile = join(work, 'hostile.jsonl');
writeFileSync(hostile, JSON.stringify({
  id: 'hostile-1',
  outlet: 'Evil <b>Gazette</b>',
  title: 'Quay closed <script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">',
  published: '2026-11-29T09:00:00Z',
  text: 'The quay at Lowmill was closed on Sunday <script>window.__pwned = 3</script> after a landslip.\n' +
        'Engineers said the <a href="javascript:window.__pwned = 4">landslip</a> would take a week to clear.',
}) + '\n');
run(['ingest', '--db', db, join(source, 'examples/newsroom/articles.jsonl'), hostile]);
run(['cluster', '--db', db]);
run(['index', '--db', db]);

const server = spawn(bin, ['serve', '--db', db, '--outlets', join(source, 'examples/newsroom/outlets.toml'),
  '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'ignore', 'pipe'] });
const base = await new Promise((resolve, reject) => {
  let said = '';
  const timer = setTimeout(() => reject(new Error(`serve did not start: ${said}`)), 10000);
  server.stderr.on('data', (chunk) => {
    said += chunk;
    const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(said);
    if (m) {
      clearTimeout(timer);
      resolve(`http://127.0.0.1:${m[1]}`);
    }
  });
  server.on('exit', (code) => reject(new Error(`serve exited (${code}): ${said}`)));
});

let browser;
try {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
} catch (error) {
  console.log(`FAIL chromium cannot be started: ${error.message}`);
  server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
}

const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const consoleErrors = [];
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
page.on('pageerror', (e) => consoleErrors.push(String(e)));
let dialogs = 0;
page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });

try {
  // The stories page: coverage bars and blindspots.
  await page.goto(`${base}/`);
  check((await page.locator('table.stories tbody tr').count()) >= 12, 'the stories page lists the newsroom\'s stories');
  check((await page.locator('.bar .seg').count()) > 12, 'stories have coverage bars');
  check((await page.locator('.blindspot').count()) >= 2, 'blindspots are marked');
  check(/Blindspot<\/strong>: a story told by at least 3/.test(await page.content()), 'the page says what a blindspot is');
  await page.screenshot({ path: join(outdir, 'stories.png'), fullPage: true });

  // A story: one column per outlet, the wire copy folded.
  await page.goto(`${base}/?order=largest`);
  await page.locator('a', { hasText: 'Central bank raises rates' }).first().click();
  await page.waitForLoadState();
  const columns = await page.locator('.outlet-column').count();
  const outlets = await page.locator('dl.summary dd').first().innerText();
  check(columns === 2, `the rate story has one column per compared outlet (${columns})`);
  check(/3 outlets ran the same copy/.test(await page.content()), 'the wire copy is folded: "3 outlets ran the same copy"');
  check((await page.locator('ol.timeline li').count()) === 4, 'the timeline lists all four articles');
  check(outlets.startsWith('2'), 'the summary counts the compared outlets');
  await page.screenshot({ path: join(outdir, 'story.png') });

  // Search a word, then filter by group.
  await page.goto(`${base}/search`);
  await page.fill('input[name=q]', 'strike');
  await page.press('input[name=q]', 'Enter');
  await page.waitForLoadState();
  const all = await page.locator('ul.hits li').count();
  check(all >= 4, `search finds the strike articles (${all})`);
  await page.selectOption('select[name=group]', 'right');
  await page.click('form.search button');
  await page.waitForLoadState();
  const right = await page.locator('ul.hits li strong').allInnerTexts();
  check(right.length > 0 && right.length < all && right.every((o) => ['The Ironside Herald', 'Patriot Morning Post'].includes(o)),
    `the group filter keeps right-leaning outlets only (${right.join(', ')})`);
  await page.screenshot({ path: join(outdir, 'search.png') });

  // From a story's outlet to the outlet's page, and back to a story.
  await page.goto(`${base}/`);
  await page.locator('td.outlets a', { hasText: 'The Ironside Herald' }).first().click();
  await page.waitForLoadState();
  check(/\/outlets\/The%20Ironside%20Herald$/.test(page.url()), `an outlet name opens its page (${page.url()})`);
  const told = await page.locator('#told table.stories tbody tr').count();
  const missed = await page.locator('#missed table.stories tbody tr').count();
  check(told >= 3, `the outlet page lists the stories it told (${told})`);
  check(missed >= 1, `the outlet page lists stories it missed (${missed})`);
  check((await page.locator('#weeks table.weeks tbody tr').count()) >= 1, 'the outlet page sums its voices by week');
  await page.screenshot({ path: join(outdir, 'outlet.png'), fullPage: true });
  await page.locator('#told td.headline a').first().click();
  await page.waitForLoadState();
  check(/\/stories\/\d+$/.test(page.url()) && (await page.locator('.outlet-column').count()) >= 1,
    `a story link on the outlet page opens the story (${page.url()})`);
  check((await page.locator('.outlet-column a.outlet').count()) >= 1, 'the story links back to its outlets');

  // The keyboard alone: from the stories page to a story.
  await page.goto(`${base}/`);
  let reached = false;
  for (let i = 0; i < 40 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.closest('td.headline') !== null);
  }
  check(reached, 'Tab reaches a story link');
  await Promise.all([page.waitForURL(/\/stories\/\d+$/, { timeout: 5000 }).catch(() => {}), page.keyboard.press('Enter')]);
  check(/\/stories\/\d+$/.test(page.url()), `Enter opens the story (${page.url()})`);

  // Hostile text stays text: no script ran, no element came from it.
  for (const path of ['/', '/search?q=quay+closed', '/search?q=%3Cscript%3Ewindow.__pwned%3D5%3C%2Fscript%3E',
    '/outlets', '/outlets/Evil%20%3Cb%3EGazette%3C%2Fb%3E']) {
    await page.goto(`${base}${path}`);
    const pwned = await page.evaluate(() => window.__pwned);
    const injected = await page.evaluate(() => document.querySelectorAll('main img, main script, main b').length);
    check(pwned === undefined && injected === 0, `hostile text is inert on ${path}`);
  }
  await page.goto(`${base}/outlets/Evil%20%3Cb%3EGazette%3C%2Fb%3E`);
  check(await page.locator('h1').innerText() === 'Evil <b>Gazette</b>', 'the hostile outlet has a page, its name as text');
  await page.goto(`${base}/search?q=landslip`);
  await page.locator('section.hits h2 a').first().click();
  await page.waitForLoadState();
  check(await page.evaluate(() => window.__pwned) === undefined &&
        await page.evaluate(() => document.querySelectorAll('script, img').length) === 0,
  'hostile text is inert on its story page');
  check(dialogs === 0, 'no dialog opened');

  // A phone: 390 pixels wide, no horizontal scrolling.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const small = await phone.newPage();
  small.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  for (const path of ['/', '/blindspots', '/search?q=strike', '/outlets', '/outlets/The%20Ironside%20Herald']) {
    await small.goto(`${base}${path}`);
    const width = await small.evaluate(() => document.documentElement.scrollWidth);
    check(width <= 390, `no horizontal scrolling at 390 px on ${path} (${width})`);
  }
  await small.goto(`${base}/`);
  await small.screenshot({ path: join(outdir, 'stories-390.png'), fullPage: true });
  check(consoleErrors.length === 0, `no console errors${consoleErrors.length ? `: ${consoleErrors.join(' | ')}` : ''}`);
} catch (error) {
  failures += 1;
  console.log(`FAIL ${error.stack}`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((resolve) => server.on('exit', resolve));
  rmSync(work, { recursive: true, force: true });
}
console.log(failures === 0 ? 'all browser checks passed' : `${failures} browser check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
