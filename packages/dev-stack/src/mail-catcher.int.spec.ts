import { connect, type Socket } from 'node:net';
import { startMailCatcher } from './mail-catcher';

/** Connects and resolves once the catcher's banner arrived. */
function openSession(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('error', reject);
    socket.once('data', (banner) => {
      expect(banner.toString()).toMatch(/^220 /);
      resolve(socket);
    });
  });
}

describe('the mail catcher', () => {
  it('outlives clients that reset their connection mid-session, as a killed worker does', async () => {
    const catcher = await startMailCatcher();
    try {
      for (let client = 0; client < 3; client++) {
        const socket = await openSession(catcher.port);
        // Inside a transaction (after MAIL FROM): only then does the SMTP server report a reset as an error.
        socket.write('EHLO killed.test\r\nMAIL FROM:<worker@coach.test>\r\nRCPT TO:<rep@coach.test>\r\n');
        await new Promise((resolve) => setTimeout(resolve, 100));
        socket.resetAndDestroy();
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Still serving: a new client gets the banner.
      (await openSession(catcher.port)).destroy();
    } finally {
      await catcher.close();
    }
  });
});
