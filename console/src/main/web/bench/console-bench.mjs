// The console's benchmark (issue 25; docs/benchmarks.md §17): against a running platform (the README's run command),
// in Debian's chromium, headless:
//  1. first load: a new browser (empty cache) opens /console/ signed in; the bytes the console's own files took on the
//     wire and the time until the application's shell is drawn;
//  2. the person page of a person with 200 bills (made here through the API: a clerk registers and enrolls them, the
//     hospital settles 200 bills): the time from navigation until the page shows the year's bills.
// Each measured 5 times after one warm-up of the platform; the median and the spread are printed.
//   node bench/console-bench.mjs [--base http://127.0.0.1:8080] [--bills 200] [--runs 5]
import { chromium } from '@playwright/test';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const BASE = arg('base', 'http://127.0.0.1:8080');
const BILLS = Number(arg('bills', '200'));
const RUNS = Number(arg('runs', '5'));
const LAUNCH = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
};

async function token(id, secret) {
  const r = await fetch(`${BASE}/oauth2/token`, { method: 'POST', body: 'grant_type=client_credentials',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Basic ' + Buffer.from(`${id}:${secret}`).toString('base64') } });
  return (await r.json()).access_token;
}
async function call(tok, method, path, body, ok = [200, 201]) {
  const r = await fetch(`${BASE}${path}`, { method, body: body && JSON.stringify(body),
    headers: { Authorization: `Bearer ${tok}`, ...(body ? { 'Content-Type': 'application/json' } : {}) } });
  const text = await r.text();
  if (!ok.includes(r.status)) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return text && JSON.parse(text);
}
function residentId() {
  const body = `441702198${Math.floor(Math.random() * 10)}0${1 + Math.floor(Math.random() * 9)}1${Math.floor(Math.random() * 9)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return body + '10X98765432'[[...body].reduce((s, d, i) => s + Number(d) * w[i], 0) % 11];
}
async function signIn(page, user) {
  await page.goto(`${BASE}/console/`);
  await page.waitForURL(/\/login/);
  await page.getByLabel(/用户名|User name/).fill(user);
  await page.getByLabel(/密码|Password/).fill('local-staff-secret');
  await page.getByRole('button', { name: /登录|Sign in/ }).click();
  await page.getByTestId('user-name').waitFor({ timeout: 30_000 });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await chromium.launch(LAUNCH);
const hospital = 'H44170000003';
const manager = await token('manager-local', 'local-staff-secret');
await call(manager, 'POST', '/api/supervision/institutions', { code: hospital, name: '阳江市人民医院（演示）', regionCode: '441700',
  kind: 'HOSPITAL', level: 'LEVEL_3', agreementFrom: '2015-01-01' }, [200, 201, 409]);

// 1. first load
const loads = [];
let bytes = 0;
let files = 0;
for (let run = 0; run <= RUNS; run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'auditor-local');              // the session cookie and the console's token, then a cold cache:
  const cold = await browser.newContext({ storageState: await context.storageState() });
  const fresh = await cold.newPage();
  const sizes = [];
  fresh.on('requestfinished', async (request) => {
    if (new URL(request.url()).pathname.startsWith('/console/')) {
      const s = await request.sizes();
      sizes.push(s.responseBodySize + s.responseHeadersSize);
    }
  });
  const started = Date.now();
  await fresh.goto(`${BASE}/console/persons`);
  await fresh.getByTestId('nav').waitFor();
  const ms = Date.now() - started;
  if (run > 0) {
    loads.push(ms);
    bytes = sizes.reduce((a, b) => a + b, 0);
    files = sizes.length;
  }
  await cold.close();
  await context.close();
}

// 2. a person with BILLS bills
const clerk = await token('clerk-local', 'local-staff-secret');
const his = await token('his-H44170000003', 'local-his-secret');
const person = residentId();
await call(clerk, 'POST', '/api/enrollment/persons', { personId: person, name: '基准测试', regionCode: '441702' });
await call(clerk, 'POST', '/api/enrollment/enrollments', { personId: person, year: new Date().getFullYear(), scheme: 'RESIDENT', personType: 'RESIDENT' });
const year = new Date().getFullYear();
for (let i = 0; i < BILLS; i++) {
  const day = new Date(Date.UTC(year, 0, 1 + (i % 300))).toISOString().slice(0, 10);
  for (let attempt = 0; ; attempt++) {
    try {
      await call(his, 'POST', '/api/settlement/settlements', { messageId: `BENCH${Date.now()}${i}`, personId: person, institutionCode: hospital,
        visitType: 'GENERAL_OUTPATIENT', serviceDate: day, diagnosisCodes: ['J06.9'], lines: [{ itemCode: 'S311201001', quantity: 1, unitPrice: '40.00' }] });
      break;
    } catch (e) {
      if (attempt > 30) throw e;
      await new Promise((r) => setTimeout(r, 1000)); // the enrollment still on its way to settlement
    }
  }
}
const pages = [];
const context = await browser.newContext();
const page = await context.newPage();
await signIn(page, 'auditor-local');
for (let run = 0; run <= RUNS; run++) {
  await page.goto(`${BASE}/console/`);
  await page.getByTestId('nav').waitFor();
  const started = Date.now();
  await page.goto(`${BASE}/console/persons/${person}`);
  await page.locator('[data-testid="bill-row"]').first().waitFor();
  const ms = Date.now() - started;
  if (run > 0) pages.push(ms);
}
await browser.close();
console.log(`first load of /console/persons (cold cache, signed in): ${files} files, ${bytes} bytes on the wire; `
  + `median ${median(loads)} ms (min ${Math.min(...loads)}, max ${Math.max(...loads)}) over ${RUNS} runs`);
console.log(`person page with ${BILLS} bills, until the bills are shown: median ${median(pages)} ms `
  + `(min ${Math.min(...pages)}, max ${Math.max(...pages)}) over ${RUNS} runs`);
