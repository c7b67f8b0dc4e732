import type { CaughtMail } from '@coachflow/dev-stack';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/**
 * The /dev/mail page (pure): every caught mail with its headers and text part as text, its HTML part in a
 * sandboxed iframe (srcdoc, no scripts, no same origin), attachments by name. Nothing a mail holds is
 * ever markup of this page.
 */
export function devMailPage(mails: CaughtMail[]): string {
  const items = mails.map((mail) => {
    const attachments = mail.attachments
      .map(
        (attachment) =>
          `<li>${escapeHtml(attachment.filename ?? 'attachment')} (${escapeHtml(attachment.contentType)})</li>`,
      )
      .join('');
    return `<article>
  <h2>${escapeHtml(mail.subject || '(no subject)')}</h2>
  <dl>
    <dt>To</dt><dd>${escapeHtml(mail.to.join(', '))}</dd>
    <dt>From</dt><dd>${escapeHtml(mail.from)}</dd>
    <dt>Received</dt><dd>${escapeHtml(mail.receivedAt)}</dd>
  </dl>
  ${mail.html ? `<iframe title="HTML part of ${escapeHtml(mail.subject)}" sandbox srcdoc="${escapeHtml(mail.html)}"></iframe>` : ''}
  <details><summary>Text part</summary><pre>${escapeHtml(mail.text)}</pre></details>
  ${attachments ? `<p>Attachments:</p><ul>${attachments}</ul>` : ''}
</article>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Caught mail - Coachflow (development)</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 1rem auto; max-width: 60rem; padding: 0 1rem; color: #1f2933; }
  article { border: 1px solid #cbd2d9; border-radius: 6px; padding: 1rem; margin: 1rem 0; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
  dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
  iframe { width: 100%; height: 28rem; border: 1px solid #e4e7eb; background: #fff; }
  pre { white-space: pre-wrap; }
</style>
</head>
<body>
<h1>Caught mail</h1>
<p>Mail the stack sent while no SMTP_URL was set, newest first (kept in memory, at most 200). Reload to see new mail.</p>
${items.length > 0 ? items.join('\n') : '<p>No mail yet.</p>'}
</body>
</html>`;
}
