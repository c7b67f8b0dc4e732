import { cpus } from 'node:os';
import { launchChromium } from '@coachflow/testing';
import type { Browser, Page } from 'playwright-core';
import { buildAndServeBenchPages } from './browser-pages';
import { appendSeries, emptySeries, type KeySeries, openPage, timedKeys } from './browser-probe';
import { type BrowserLatency, summarizeBrowserLatencies } from './browser-report';

export interface BuilderBenchmarkOptions {
  scale: number;
  say: (line: string) => void;
}

/** Each figure from Event Timing (under 16 ms counts as 16) and as keydown → next frame painted. */
export interface KeyLatency {
  eventTiming: BrowserLatency;
  frame: BrowserLatency;
}

export interface BuilderMeasurements {
  /** A keystroke in the properties pane's Label, 200-field form (the preview re-renders with it). */
  propertyEdit: KeyLatency;
  /** Enter on a field's "Move up" / "Move down" button. */
  reorder: KeyLatency;
  /** Keystroke in Label → the preview shows the new label, painted. */
  preview: BrowserLatency;
  /** Plain @rjsf/core on the same schema, its title edited by a keystroke: keystroke → next frame. */
  rjsfEdit: KeyLatency;
  /** Plain @rjsf/core, its `ui:order` changed by Enter on a button. */
  rjsfReorder: KeyLatency;
  /** Keystroke → plain @rjsf/core shows the new title, painted. */
  rjsfRender: BrowserLatency;
}

export interface BuilderBenchmarkResult {
  startedAt: string;
  scale: number;
  machine: { cpus: number; node: string; chromium: string };
  formFields: number;
  measurements: BuilderMeasurements;
}

/** The edited field, as the pages name it (bench/web-pages/src/two-hundred-fields.ts: EDITED_FIELD). */
const EDITED_LABEL = 'Question 101';
const EDITED_KEY = 'question101';
const KEY_GAP_MS = 50;
const WARM_UP_KEYS = 5;

const ROUNDS = 5;
/**
 * Motion as most people's browsers have it: a test context asks for reduced motion (newTestContext, so axe
 * never reads a toast mid-fade), which turns the theme's transitions off and made a move cheaper than what
 * people see.
 */
const USERS_MOTION = { reducedMotion: 'no-preference' } as const;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The two pages measured alike: where the label is typed, how a field moves, where its title shows. */
interface Subject {
  page: Page;
  /** Where the edited field's label is shown: the builder's preview, or plain rjsf's form. */
  shownLabel: string;
  edit: KeySeries;
  reorder: KeySeries;
}

/**
 * `npm run bench -- builder`: the form builder with a 200-field form in Chromium, against plain @rjsf/core
 * rendering the same schema in the same run: a property edit's keystroke, a reorder, and the preview's
 * re-render after an edit. No server: the builder is mounted with its draft as its page mounts it.
 */
export async function builderBenchmark({
  scale,
  say,
}: BuilderBenchmarkOptions): Promise<BuilderBenchmarkResult> {
  const startedAt = new Date().toISOString();
  const pages = await buildAndServeBenchPages(say);
  const browser = await launchChromium();
  try {
    // 50 of each at scale 1: a keystroke here takes seconds on a loaded 2-core machine, and the run stays
    // within about five minutes.
    const perRound = Math.max(4, Math.round((50 * scale) / ROUNDS));
    const builder = await openBuilder(browser, pages.urlOf('builder'));
    const rjsf = await openPage(
      browser,
      pages.urlOf('form-rjsf'),
      `label[for="root_question200"]`,
      USERS_MOTION,
    );
    const subjects: Subject[] = [
      {
        page: builder,
        shownLabel: `section[aria-labelledby="preview-title"] label[for="root_${EDITED_KEY}"]`,
        edit: emptySeries(),
        reorder: emptySeries(),
      },
      {
        page: rjsf,
        shownLabel: `label[for="root_${EDITED_KEY}"]`,
        edit: emptySeries(),
        reorder: emptySeries(),
      },
    ];
    say(`${ROUNDS} rounds of ${perRound} label keystrokes and ${perRound} moves in each page, alternating`);
    for (let round = 0; round < ROUNDS; round++)
      for (const subject of subjects) {
        await subject.page.bringToFront();
        appendSeries(subject.edit, await typeLabel(subject, perRound, round === 0));
        appendSeries(subject.reorder, await moveField(subject.page, perRound, round === 0));
      }
    await Promise.all(subjects.map((subject) => subject.page.context().close()));
    const [ours, plain] = subjects;
    const latency = (series: KeySeries): KeyLatency => ({
      eventTiming: summarizeBrowserLatencies(series.eventTiming),
      frame: summarizeBrowserLatencies(series.frame),
    });
    return {
      startedAt,
      scale,
      machine: { cpus: cpus().length, node: process.version, chromium: browser.version() },
      formFields: 200,
      measurements: {
        propertyEdit: latency(ours!.edit),
        reorder: latency(ours!.reorder),
        preview: summarizeBrowserLatencies(ours!.edit.watched),
        rjsfEdit: latency(plain!.edit),
        rjsfReorder: latency(plain!.reorder),
        rjsfRender: summarizeBrowserLatencies(plain!.edit.watched),
      },
    };
  } finally {
    await browser.close();
    await pages.close();
  }
}

/** The builder with its preview rendered in full, the edited field selected in the canvas. */
async function openBuilder(browser: Browser, url: string): Promise<Page> {
  const page = await openPage(
    browser,
    url,
    'section[aria-labelledby="preview-title"] label[for="root_question200"]',
    USERS_MOTION,
  );
  await page.getByRole('button', { name: new RegExp(`^Edit ${EDITED_LABEL},`) }).click();
  await page.getByLabel('Label', { exact: true }).waitFor();
  return page;
}

/** Types `count` letters at the end of the field's label, each timed until the new label is painted. */
async function typeLabel(subject: Subject, count: number, warmUp: boolean): Promise<KeySeries> {
  const input = subject.page.getByLabel('Label', { exact: true });
  await input.fill(EDITED_LABEL);
  await input.focus();
  await subject.page.keyboard.press('End');
  let typed = '';
  const next = () => {
    typed += LETTERS[typed.length % LETTERS.length];
    return { key: typed.at(-1)!, watch: { selector: subject.shownLabel, text: `${EDITED_LABEL}${typed}` } };
  };
  if (warmUp) await timedKeys(subject.page, WARM_UP_KEYS, next, KEY_GAP_MS);
  const series = await timedKeys(subject.page, count, next, KEY_GAP_MS);
  // Back to its name, which the move buttons are labelled with.
  await input.fill(EDITED_LABEL);
  return series;
}

/** Moves the field up, then down again, by Enter on its buttons: `count` moves timed. */
async function moveField(page: Page, count: number, warmUp: boolean): Promise<KeySeries> {
  const focusMoveButton = (index: number) =>
    page.getByRole('button', { name: `Move ${EDITED_LABEL} ${index % 2 === 0 ? 'up' : 'down'}` }).focus();
  const enter = () => ({ key: 'Enter' });
  // An even number of warm-up moves, so the timed ones start from the field's own place.
  if (warmUp) await timedKeys(page, WARM_UP_KEYS + 1, enter, KEY_GAP_MS, focusMoveButton);
  return timedKeys(page, count, enter, KEY_GAP_MS, focusMoveButton);
}
