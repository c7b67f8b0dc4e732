import type { CaughtMail } from '@coachflow/dev-stack';
import { devMailPage } from './dev-mail-page';

const mail: CaughtMail = {
  seq: 1,
  receivedAt: '2026-01-01T00:00:00.000Z',
  messageId: '<m@x>',
  from: 'Coachflow <noreply@x>',
  to: ['ray@demo.test'],
  subject: '<img src=x onerror=alert(1)>',
  text: 'Open https://app/tasks/1 </pre><script>alert(2)</script>',
  html: '<p>Hi</p><script>alert(3)</script>"',
  headers: {},
  attachments: [{ filename: 'invite.ics', contentType: 'text/calendar', content: '' }],
};

describe('devMailPage', () => {
  it('shows a mail’s text as text and its HTML only inside a sandboxed srcdoc frame', () => {
    const page = devMailPage([mail]);
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(page).toContain(
      'sandbox srcdoc="&lt;p&gt;Hi&lt;/p&gt;&lt;script&gt;alert(3)&lt;/script&gt;&quot;"',
    );
    expect(page).toContain('invite.ics (text/calendar)');
  });

  it('says when there is no mail yet', () => {
    expect(devMailPage([])).toContain('No mail yet.');
  });
});
