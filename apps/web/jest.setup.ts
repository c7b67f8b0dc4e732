import '@testing-library/jest-dom';
import { deserialize, serialize } from 'node:v8';

// jest's jsdom environment hides Node's structuredClone, which rjsf uses; Node's serializer is the same clone.
globalThis.structuredClone ??= <T>(value: T): T => deserialize(serialize(value)) as T;

// The builder's specs fail on a console.error: there it is a React warning about a real bug (an input
// switching from uncontrolled to controlled lost what the preview showed), not noise.
const failOnConsoleError = /[/\\]src[/\\]modules[/\\]builder[/\\]/;
let consoleErrors: string[] = [];
beforeEach(() => {
  consoleErrors = [];
  if (!failOnConsoleError.test(expect.getState().testPath ?? '')) return;
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args.map(String).join(' '));
  });
});
afterEach(() => {
  if (jest.isMockFunction(console.error)) jest.mocked(console.error).mockRestore();
  expect(consoleErrors).toEqual([]);
});

// jsdom lacks the layout APIs Mantine and the router ask for; these answer "nothing matches, nothing resizes".
// (Specs of pure code that need fetch's Request and Response run in node, which has no window.)
if (typeof window !== 'undefined') installLayoutStubs();

function installLayoutStubs(): void {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
  class NoResize {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  window.ResizeObserver = NoResize;
  Element.prototype.scrollIntoView = function scrollIntoView() {};
  // The router scrolls to the top after each navigation; jsdom only logs "not implemented".
  window.scrollTo = () => undefined;
}
