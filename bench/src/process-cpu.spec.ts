import { cpuBetween, cpuByRole } from './process-cpu';

describe('CPU time by role', () => {
  it("counts a process's CPU under its role, and this process's as the clients'", () => {
    const roles = { me: [process.pid], nobody: [] };
    const before = cpuByRole(roles);
    // Spin until Node itself says 300 ms of CPU were used (however long that takes on a busy machine).
    const start = process.cpuUsage();
    let spin = 0;
    for (;;) {
      const used = process.cpuUsage(start);
      if (used.user + used.system >= 300_000) break;
      for (let i = 0; i < 10_000; i++) spin += Math.sqrt(i);
    }
    const between = cpuBetween(before, cpuByRole(roles));
    expect(spin).toBeGreaterThan(0);
    // /proc counts in ticks of 10 ms and covers every thread: at least the 300 ms less a tick or two.
    expect(between['me']).toBeGreaterThanOrEqual(280);
    expect(between['clients']).toBeGreaterThanOrEqual(300);
    expect(between['nobody']).toBe(0);
  });
});
