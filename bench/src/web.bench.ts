import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { CycleView } from '@coachflow/contracts';
import { workspaceRoot } from '@coachflow/dev-stack';
import { cycleStreamId } from '@coachflow/domain';
import {
  addRep,
  createOrganisationFixture,
  createPlaybookFixture,
  FIXTURE_PASSWORD,
  LiveStreamClient,
  launchChromium,
  newTestContext,
  type OrganisationFixture,
  signIn,
} from '@coachflow/testing';
import { Pool } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { withBenchDatabase } from './bench-database';
import { type BenchPage, buildAndServeBenchPages, type ServedBenchPages } from './browser-pages';
import { appendSeries, emptySeries, openPage, timedKeys } from './browser-probe';
import {
  type BrowserLatency,
  summarizeBrowserLatencies,
  transferSize,
  type TransferSize,
} from './browser-report';
import { startCycleStack } from './cycle-stack';

export interface WebBenchmarkOptions {
  env: NodeJS.ProcessEnv;
  scale: number;
  say: (line: string) => void;
}

export interface PageLoad {
  /** Navigation start → the page's first meaningful element painted, per cold load. */
  interactive: BrowserLatency;
  /** The JavaScript the page had loaded by then. */
  initialJs: TransferSize;
}

export interface WebMeasurements {
  inbox: PageLoad;
  emptyReact: PageLoad;
  keystroke: {
    /** keydown → next paint, from Event Timing (a keystroke under 16 ms counts as 16). */
    ours: BrowserLatency;
    rjsf: BrowserLatency;
    /** The same keystrokes, keydown → requestAnimationFrame + a task after the paint. */
    oursFrame: BrowserLatency;
    rjsfFrame: BrowserLatency;
  };
  live: {
    /** TaskOpened recorded (its recorded_at) → the row painted in the manager's open inbox. */
    recordedToVisible: BrowserLatency;
    /** The same event → its message read off GET /api/stream by a plain client: the stream's own floor. */
    recordedToMessage: BrowserLatency;
    /** POST /api/cycles answered → the row painted. */
    answeredToVisible: BrowserLatency;
  };
}

export interface WebBenchmarkResult {
  startedAt: string;
  scale: number;
  machine: { cpus: number; node: string; chromium: string };
  formFields: number;
  measurements: WebMeasurements;
}

/** Text fields of the 200-field form typed into, one per round, spread from top to bottom. */
const TYPED_FIELDS = ['question1', 'question49', 'question97', 'question145', 'question193'];
const KEY_GAP_MS = 50;
const WARM_UP_KEYS = 10;
const LOADS = 8;

/**
 * `npm run bench -- web`: the web app in Chromium against baselines from the same run: the inbox's initial
 * JS and time until interactive against an empty Vite + React page; keystroke latency in a 200-field form,
 * the app's FormRenderer against plain @rjsf/core; live-update latency against the stream's own delivery.
 */
export async function webBenchmark({ env, scale, say }: WebBenchmarkOptions): Promise<WebBenchmarkResult> {
  const root = workspaceRoot(__dirname);
  if (!existsSync(join(root, 'apps/web/dist/index.html')))
    throw new Error('apps/web/dist missing: run `npm run build` first');
  const startedAt = new Date().toISOString();
  const pages = await buildAndServeBenchPages(say);
  const browser = await launchChromium();
  try {
    const keystrokes = Math.max(40, Math.round(200 * scale));
    say(`keystroke latency: ${keystrokes} keys in each renderer, ${KEY_GAP_MS} ms apart, alternating rounds`);
    const keystroke = await keystrokeLatency(browser, pages, keystrokes);
    const measurements = await withBenchDatabase(env, say, async (database) => {
      const stack = await startCycleStack(database.url, say);
      const pool = new Pool({ connectionString: database.url, max: 2 });
      try {
        const org = await createOrganisationFixture(stack.baseUrl);
        const playbookId = await createPlaybookFixture(org.admin.api);
        const samples = Math.max(10, Math.round(60 * scale));
        const reps: string[] = [];
        for (let i = 0; i < samples + 5; i++) reps.push((await addRep(org, `live-${i}`)).user.id);
        for (const repId of reps.splice(0, 5)) await startCycle(org, repId, playbookId);
        const context = await newTestContext(browser, { viewport: { width: 1280, height: 800 } });
        await signIn(await context.newPage(), stack.baseUrl, org.manager.user.email, FIXTURE_PASSWORD);
        say(`initial load: ${LOADS} cold loads each of the inbox and the empty React page, alternating`);
        const loads = await initialLoads(browser, context, pages, stack.baseUrl);
        say(`live updates: ${samples} cycles started for the manager's reps, one at a time`);
        const live = await liveUpdates(context, stack.baseUrl, org, pool, playbookId, reps);
        await context.close();
        return { ...loads, keystroke, live };
      } finally {
        await pool.end();
        await stack.stop();
      }
    });
    return {
      startedAt,
      scale,
      machine: { cpus: cpus().length, node: process.version, chromium: browser.version() },
      formFields: 200,
      measurements,
    };
  } finally {
    await browser.close();
    await pages.close();
  }
}

async function keystrokeLatency(
  browser: Browser,
  pages: ServedBenchPages,
  keystrokes: number,
): Promise<WebMeasurements['keystroke']> {
  const ready = '#root_question200';
  const renderers = [
    { page: await openPage(browser, pages.urlOf('form-ours'), ready), series: emptySeries() },
    { page: await openPage(browser, pages.urlOf('form-rjsf'), ready), series: emptySeries() },
  ];
  const perRound = Math.ceil(keystrokes / TYPED_FIELDS.length);
  const letter = (index: number) => ({ key: LETTERS[index % LETTERS.length]! });
  for (const [round, key] of TYPED_FIELDS.entries()) {
    for (const { page, series } of renderers) {
      await page.bringToFront();
      await page.locator(`#root_${key}`).focus();
      if (round === 0) await timedKeys(page, WARM_UP_KEYS, letter, KEY_GAP_MS);
      appendSeries(series, await timedKeys(page, perRound, letter, KEY_GAP_MS));
    }
  }
  for (const { page } of renderers) await page.context().close();
  const [ours, rjsf] = renderers.map(({ series }) => series);
  return {
    ours: summarizeBrowserLatencies(ours!.eventTiming),
    rjsf: summarizeBrowserLatencies(rjsf!.eventTiming),
    oursFrame: summarizeBrowserLatencies(ours!.frame),
    rjsfFrame: summarizeBrowserLatencies(rjsf!.frame),
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Records, in the page, when an element matching `selector` is first painted (`performance.now()`), for
 * every such element by its href: a MutationObserver notes it, the next frame's paint dates it.
 */
function paintedLinksScript(selector: string): string {
  return `(() => {
    const painted = (window.__benchPainted = new Map());
    const seen = new Set();
    new MutationObserver(() => {
      for (const element of document.querySelectorAll(${JSON.stringify(selector)})) {
        const href = element.getAttribute('href') || '';
        if (seen.has(href)) continue;
        seen.add(href);
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => painted.set(href, performance.now());
          channel.port2.postMessage(null);
        });
      }
    }).observe(document, { childList: true, subtree: true });
  })();`;
}

/** The first painted element's time since navigation start, waiting for it. */
async function firstPainted(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const painted = (globalThis as unknown as { __benchPainted?: Map<string, number> }).__benchPainted;
      return painted && painted.size > 0 ? Math.min(...painted.values()) : undefined;
    },
    undefined,
    { timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * One load with nothing cached: time until `selector` is painted, and the JavaScript fetched by then
 * (Resource Timing's script responses that ended before it, sized from the bodies Chromium received).
 */
async function coldLoad(
  context: BrowserContext,
  url: string,
  selector: string,
): Promise<{ interactiveMs: number; js: Buffer[] }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const bodies = new Map<string, Promise<Buffer>>();
  page.on('response', (response) => {
    if ((response.headers()['content-type'] ?? '').includes('javascript'))
      bodies.set(response.url(), response.body());
  });
  await page.addInitScript(paintedLinksScript(selector));
  await page.goto(url);
  const interactiveMs = await firstPainted(page);
  const loaded = await page.evaluate(
    (before) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => (entry as unknown as { responseEnd: number }).responseEnd <= before)
        .map((entry) => entry.name),
    interactiveMs,
  );
  const js: Buffer[] = [];
  for (const name of loaded) {
    const body = bodies.get(name);
    if (body) js.push(await body);
  }
  await page.close();
  return { interactiveMs, js };
}

async function initialLoads(
  browser: Browser,
  signedIn: BrowserContext,
  pages: ServedBenchPages,
  baseUrl: string,
): Promise<{ inbox: PageLoad; emptyReact: PageLoad }> {
  const anonymous = await newTestContext(browser, { viewport: { width: 1280, height: 800 } });
  const targets: { context: BrowserContext; url: string; selector: string; times: number[]; js: Buffer[] }[] =
    [
      { context: signedIn, url: `${baseUrl}/`, selector: 'a[href^="/tasks/"]', times: [], js: [] },
      {
        context: anonymous,
        url: pages.urlOf('empty' satisfies BenchPage),
        selector: 'h1',
        times: [],
        js: [],
      },
    ];
  // One untimed load each first: the servers' own first-request costs are not the page's.
  for (const target of targets) await coldLoad(target.context, target.url, target.selector);
  for (let i = 0; i < LOADS; i++)
    for (const target of targets) {
      const load = await coldLoad(target.context, target.url, target.selector);
      target.times.push(load.interactiveMs);
      target.js = load.js;
    }
  await anonymous.close();
  const [inbox, empty] = targets.map((target) => ({
    interactive: summarizeBrowserLatencies(target.times),
    initialJs: transferSize(target.js),
  }));
  return { inbox: inbox!, emptyReact: empty! };
}

async function startCycle(org: OrganisationFixture, repId: string, playbookId: string): Promise<string> {
  const started = await org.manager.api.post<CycleView>('/api/cycles', { repId, playbookId });
  if (started.status !== 201) throw new Error(`starting a cycle: ${started.status}`);
  return started.body.id;
}

/**
 * The manager's inbox open in the browser, and beside it a plain reader of her live-update stream; each
 * cycle started for one of her reps opens a manager-assessment task for her. Per cycle: when its TaskOpened
 * was recorded, when the stream delivered it, when its row was painted.
 */
async function liveUpdates(
  context: BrowserContext,
  baseUrl: string,
  org: OrganisationFixture,
  pool: Pool,
  playbookId: string,
  reps: string[],
): Promise<WebMeasurements['live']> {
  const page = await context.newPage();
  await page.addInitScript(paintedLinksScript('a[href^="/cycles/"]'));
  await page.goto(`${baseUrl}/`);
  await firstPainted(page);
  const stream = await LiveStreamClient.open(baseUrl, org.manager.api.token);
  if (stream.status !== 200) throw new Error(`the live stream answered ${stream.status}`);
  const recordedToVisible: number[] = [];
  const recordedToMessage: number[] = [];
  const answeredToVisible: number[] = [];
  try {
    for (const repId of reps) {
      const cycleId = await startCycle(org, repId, playbookId);
      const answeredAt = Date.now();
      const message = await stream.next(
        (candidate) => candidate.data.cycleId === cycleId && candidate.data.type === 'TaskOpened',
      );
      const handle = await page.waitForFunction(
        (href) => {
          const at = (globalThis as unknown as { __benchPainted: Map<string, number> }).__benchPainted.get(
            href,
          );
          return at === undefined ? undefined : performance.timeOrigin + at;
        },
        `/cycles/${cycleId}`,
        { timeout: 30_000 },
      );
      const visibleAt = (await handle.jsonValue()) as number;
      const { rows } = await pool.query<{ recorded: Date }>(
        `SELECT recorded_at AS recorded FROM events
          WHERE stream_id = $1 AND event_type = 'TaskOpened' AND data->>'assigneeId' = $2`,
        [cycleStreamId(cycleId), org.manager.user.id],
      );
      const recordedAt = rows[0]?.recorded.getTime();
      if (recordedAt === undefined) throw new Error(`no TaskOpened for the manager in cycle ${cycleId}`);
      recordedToVisible.push(visibleAt - recordedAt);
      recordedToMessage.push(message.receivedAt - recordedAt);
      answeredToVisible.push(visibleAt - answeredAt);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    stream.close();
    await page.close();
  }
  return {
    recordedToVisible: summarizeBrowserLatencies(recordedToVisible),
    recordedToMessage: summarizeBrowserLatencies(recordedToMessage),
    answeredToVisible: summarizeBrowserLatencies(answeredToVisible),
  };
}
