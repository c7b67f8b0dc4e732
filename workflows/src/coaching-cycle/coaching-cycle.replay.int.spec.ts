import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { integrationEnv } from '@coachflow/testing';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';

/**
 * Determinism guard: histories recorded from real runs (workflows/test/histories, see workflows/README.md)
 * replayed against the current workflow bundle. A change that would make a running cycle take a different
 * path on replay fails here; such a change needs `patched()`.
 */
describe('coachingCycle replays its committed histories', () => {
  const directory = join(__dirname, '../../test/histories');

  it('replays every history without a determinism violation', async () => {
    const files = (await readdir(directory)).filter((file) => file.endsWith('.json')).sort();
    // Histories recorded before each patch guard the cycles still running on the old path.
    expect(files).toEqual(
      expect.arrayContaining([
        'before-registry-in-record.escalation.json',
        'before-registry-in-record.happy-path.json',
        'before-deadline-alarm.escalation.json',
        'before-deadline-alarm.happy-path.json',
        'before-due-first.escalation.json',
        'before-due-first.happy-path.json',
        'before-chain-ahead.escalation.json',
        'before-chain-ahead.happy-path.json',
        'escalation.json',
        'happy-path.json',
      ]),
    );
    const histories = await Promise.all(
      files.map(async (file) => ({
        workflowId: file.replace(/\.json$/, ''),
        history: temporal.api.history.v1.History.fromObject(
          JSON.parse(await readFile(join(directory, file), 'utf8')) as Record<string, unknown>,
        ),
      })),
    );
    for (const { history } of histories) expect(history.events.length).toBeGreaterThan(20);
    const results: { workflowId: string; error?: string }[] = [];
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: { codePath: integrationEnv().workflowBundlePath } },
      histories,
    ))
      results.push({
        workflowId: result.workflowId,
        ...(result.error ? { error: String(result.error) } : {}),
      });
    expect(results).toEqual(files.map((file) => ({ workflowId: file.replace(/\.json$/, '') })));
  });
});
