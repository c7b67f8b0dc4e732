import '@testing-library/jest-dom';

// jsdom lacks the layout APIs Mantine asks for; these answer "nothing matches, nothing resizes".
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
}
