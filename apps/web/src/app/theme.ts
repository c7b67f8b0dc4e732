import {
  Anchor,
  createTheme,
  type CSSVariablesResolver,
  Modal,
  Notification,
  TableScrollContainer,
} from '@mantine/core';

/**
 * The app's look: Mantine defaults with a calm primary colour and focus rings always visible. Filled
 * colours at shade 8, not 6: white on indigo.6 or red.6 (buttons, badges) and indigo.6 links on a tinted
 * row fall below WCAG AA's 4.5:1.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  focusRing: 'always',
  // Toasts, modals and menus appear without sliding for people whose system asks for less motion.
  respectReducedMotion: true,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  components: {
    // A link inside a sentence must look like one without relying on colour (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // Modals' and toasts' close buttons are icons: they need a name.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // A table wider than a phone scrolls sideways in its own box: reachable by keyboard (Tab, then arrows).
    TableScrollContainer: TableScrollContainer.extend({ defaultProps: { type: 'native', tabIndex: 0 } }),
    // A toast's message is gray.6 by default (3.3:1): as dark as other secondary text.
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Close' } },
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    }),
  },
});

/**
 * Mantine's green, orange, yellow and teal are too light for text even at shade 9 (3.6:1 on their own
 * tint, 2.5:1 for yellow): badges and buttons in these colours use darker tones that pass 4.5:1.
 */
const DARKER_TONES: Record<string, string> = {
  green: '#1e6b30',
  orange: '#a33a07',
  yellow: '#7a5800',
  teal: '#086f5b',
};

const darkerToneVariables = Object.fromEntries(
  Object.entries(DARKER_TONES).flatMap(([color, tone]) => [
    [`--mantine-color-${color}-light-color`, tone],
    [`--mantine-color-${color}-filled`, tone],
    [`--mantine-color-${color}-text`, tone],
  ]),
);

/**
 * Mantine's "dimmed" text is gray.6, 3.3:1 on white: below WCAG AA's 4.5:1 for body text (axe flags it).
 * gray.7 keeps the secondary look at 8:1; placeholders likewise.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Placeholders too (a date picker's "Pick a date" is text axe checks).
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    ...darkerToneVariables,
    // Error text at red.8 (4.5:1 on white; red.6 is 3.3:1).
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    // A hovered active navigation link: indigo.9 text on indigo.2 is 4.1:1; this tint keeps 5:1.
    '--mantine-color-indigo-light-hover': '#d5ddff',
  },
  dark: {},
});
