import { newTestContext } from '@coachflow/testing';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { type EventTimingEntry, keystrokeLatenciesFromEventTiming } from './browser-report';

/** The pages' probe (bench/web-pages/src/latency-probe.ts), as seen from here. */
interface ProbeWindow {
  benchProbe: {
    keystrokes: number[];
    events: EventTimingEntry[];
    settled(): Promise<void>;
    watch(selector: string, text: string): void;
    watched(): Promise<number>;
  };
}

/**
 * A page of its own (own context, so nothing is shared between the measured and the baseline); `options`
 * add to the context's (`reducedMotion`, say).
 */
export async function openPage(
  browser: Browser,
  url: string,
  ready: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await newTestContext(browser, { viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw new Error(`${url}: ${error.message}`);
  });
  await page.goto(url);
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
  return page;
}

/**
 * Presses `key` in the focused element as a person would, one key at a time with `gapMs` between keys
 * (so each keystroke is timed alone, not queued behind the last), and waits until the page recorded it.
 * With `watch`, also times the keystroke until `watch.selector` shows `watch.text`, and returns that.
 */
export async function pressMeasured(
  page: Page,
  key: string,
  gapMs: number,
  watch?: { selector: string; text: string },
): Promise<number | undefined> {
  if (watch)
    await page.evaluate(
      ({ selector, text }) => (globalThis as unknown as ProbeWindow).benchProbe.watch(selector, text),
      watch,
    );
  await page.keyboard.press(key);
  const shown = watch
    ? await page.evaluate(() => (globalThis as unknown as ProbeWindow).benchProbe.watched())
    : undefined;
  await page.evaluate(() => (globalThis as unknown as ProbeWindow).benchProbe.settled());
  await new Promise((resolve) => setTimeout(resolve, gapMs));
  return shown;
}

/** The page's clock now: what came before is warm-up. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** What the page's probe recorded: keydown to next paint per keystroke, and Event Timing's entries. */
export function readProbe(page: Page): Promise<{ keystrokes: number[]; events: EventTimingEntry[] }> {
  return page.evaluate(() => {
    const { keystrokes, events } = (globalThis as unknown as ProbeWindow).benchProbe;
    return { keystrokes: [...keystrokes], events: [...events] };
  });
}

/** Latencies of a run of keystrokes in one page. */
export interface KeySeries {
  /** Event Timing per keystroke (under 16 ms counts as 16). */
  eventTiming: number[];
  /** keydown → the next frame painted, per keystroke. */
  frame: number[];
  /** keydown → the watched text painted, per keystroke that had a watch. */
  watched: number[];
}

export const emptySeries = (): KeySeries => ({ eventTiming: [], frame: [], watched: [] });

export function appendSeries(into: KeySeries, series: KeySeries): void {
  into.eventTiming.push(...series.eventTiming);
  into.frame.push(...series.frame);
  into.watched.push(...series.watched);
}

/**
 * Presses `count` keys in `page` (whatever has focus; `next(i)` names the key and what to watch for) and
 * returns their latencies. Only this run's keystrokes count: Event Timing entries from before it are left
 * out by time, the frame latencies by position.
 */
export async function timedKeys(
  page: Page,
  count: number,
  next: (index: number) => { key: string; watch?: { selector: string; text: string } },
  gapMs: number,
  /** Runs before each key, untimed (moving the focus, say). */
  prepare?: (index: number) => Promise<void>,
): Promise<KeySeries> {
  // A key pressed before this run (moving the caret, say) is recorded once its frame is painted.
  await page.evaluate(() => (globalThis as unknown as ProbeWindow).benchProbe.settled());
  const since = await pageNow(page);
  const before = (await readProbe(page)).keystrokes.length;
  const watched: number[] = [];
  for (let index = 0; index < count; index++) {
    await prepare?.(index);
    const { key, watch } = next(index);
    const shown = await pressMeasured(page, key, gapMs, watch);
    if (shown !== undefined) watched.push(shown);
  }
  // Event Timing reports in batches: give the last keystroke's entry time to arrive.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const probe = await readProbe(page);
  return {
    eventTiming: keystrokeLatenciesFromEventTiming(probe.events, count, since),
    frame: probe.keystrokes.slice(before),
    watched,
  };
}
