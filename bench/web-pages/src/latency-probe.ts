/** An Event Timing entry as the benchmark keeps it. */
export interface EventEntry {
  name: string;
  /** The event's timestamp. */
  startTime: number;
  duration: number;
  interactionId: number;
}

/**
 * What a benchmark page measures about itself, read by bench/src through `window.benchProbe`:
 * - `keystrokes`: per keydown, from the event's timestamp to the frame painted after its handlers ran
 *   (requestAnimationFrame, then a task after that frame's paint);
 * - `events`: the browser's own Event Timing entries (PerformanceObserver `event`, reported from 16 ms);
 * - `watch(selector, text)`: the next keydown's time until `selector`'s text includes `text`, painted;
 *   `watched()` resolves with it.
 */
export interface LatencyProbe {
  keystrokes: number[];
  events: EventEntry[];
  /** Resolves once the last keydown's latency is recorded. */
  settled(): Promise<void>;
  /** Arms a watch for the next keydown. */
  watch(selector: string, text: string): void;
  /** The last watch's latency in ms, once the text is on screen. */
  watched(): Promise<number>;
}

declare global {
  interface Window {
    benchProbe: LatencyProbe;
  }
}

/** Resolves with performance.now() once the next frame has been painted. */
export function afterNextPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );
}

export function installLatencyProbe(): void {
  const keystrokes: number[] = [];
  const events: EventEntry[] = [];
  let pending: Promise<void> = Promise.resolve();
  let watcher: ((keydownAt: number) => void) | undefined;
  let watched: Promise<number> = Promise.resolve(Number.NaN);

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as EventTimingEntry[])
      events.push({
        name: entry.name,
        startTime: entry.startTime,
        duration: entry.duration,
        interactionId: entry.interactionId ?? 0,
      });
    // durationThreshold is not in TypeScript's DOM types yet; 16 ms is the least the browser allows.
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);

  window.addEventListener(
    'keydown',
    (event) => {
      const at = event.timeStamp;
      pending = afterNextPaint().then((paintedAt) => {
        keystrokes.push(paintedAt - at);
      });
      const watch = watcher;
      watcher = undefined;
      watch?.(at);
    },
    { capture: true },
  );

  window.benchProbe = {
    keystrokes,
    events,
    settled: () => pending,
    watched: () => watched,
    watch: (selector, text) => {
      watched = new Promise((resolve) => {
        watcher = async (keydownAt) => {
          // Frame by frame until the text is on screen: the check itself costs nothing between frames.
          for (;;) {
            const paintedAt = await afterNextPaint();
            if (document.querySelector(selector)?.textContent?.includes(text)) {
              resolve(paintedAt - keydownAt);
              return;
            }
          }
        };
      });
    },
  };
}

/** TypeScript's DOM types lack Event Timing's interactionId (keydown and keyup of one key share one). */
interface EventTimingEntry extends PerformanceEntry {
  interactionId?: number;
}
