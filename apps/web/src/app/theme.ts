import { createTheme } from '@mantine/core';

/** The app's look: Mantine defaults with a calm primary colour and focus rings always visible. */
export const theme = createTheme({
  primaryColor: 'indigo',
  focusRing: 'always',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
});
