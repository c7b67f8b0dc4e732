import { toPlainText } from '@react-email/components';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

const DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/**
 * A mail's HTML and its plain-text part, from one React element. Synchronous React rendering, then
 * react-email's own HTML-to-text: its async `render` loads react-dom through a dynamic import, which the
 * sender does not need (the templates hold no suspense).
 */
export function renderEmail(element: ReactElement): { html: string; text: string } {
  const html = `${DOCTYPE}${renderToStaticMarkup(element)}`;
  return { html, text: toPlainText(html) };
}
