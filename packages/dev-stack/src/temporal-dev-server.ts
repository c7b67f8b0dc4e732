import { Connection } from '@temporalio/client';
import type { SearchAttributeType } from '@temporalio/common';
import { ManagedProcess } from './managed-process';
import { waitUntil } from './wait-until';

// The SDK's type names (KEYWORD_LIST) as the CLI spells them (KeywordList).
const CLI_TYPE_NAMES: Record<SearchAttributeType, string> = {
  TEXT: 'Text',
  KEYWORD: 'Keyword',
  INT: 'Int',
  DOUBLE: 'Double',
  BOOL: 'Bool',
  DATETIME: 'Datetime',
  KEYWORD_LIST: 'KeywordList',
};

export interface TemporalDevServerOptions {
  cliPath: string;
  port: number;
  uiPort: number;
  /** SQLite file that keeps workflows across restarts; in memory when absent. */
  dbFile?: string;
  /** Keys as `defineSearchAttributeKey` makes them. */
  searchAttributes?: { name: string; type: SearchAttributeType }[];
  output?: (line: string) => void;
}

/**
 * Dev server arguments for one partition per task queue: with the default four and a worker's few pollers on
 * the normal queue, a task landing in a partition nobody polls waits about two seconds to be forwarded. One
 * machine needs no partitions to spread load.
 */
export const ONE_PARTITION_PER_TASK_QUEUE = [
  '--dynamic-config-value',
  'matching.numTaskqueueReadPartitions=1',
  '--dynamic-config-value',
  'matching.numTaskqueueWritePartitions=1',
];

/** `temporal server start-dev` arguments for the options (kept pure so they can be tested). */
export function temporalDevServerArgs(options: TemporalDevServerOptions): string[] {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port)];
  args.push('--ui-port', String(options.uiPort), '--log-level', 'warn');
  args.push(...ONE_PARTITION_PER_TASK_QUEUE);
  if (options.dbFile) args.push('--db-filename', options.dbFile, '--sqlite-pragma', 'journal_mode=WAL');
  for (const attribute of options.searchAttributes ?? []) {
    args.push('--search-attribute', `${attribute.name}=${CLI_TYPE_NAMES[attribute.type]}`);
  }
  return args;
}

export interface RunningTemporalDevServer {
  address: string;
  uiUrl: string;
  process: ManagedProcess;
}

/** Starts Temporal's dev server and resolves once its frontend answers. */
export async function startTemporalDevServer(
  options: TemporalDevServerOptions,
): Promise<RunningTemporalDevServer> {
  const process = new ManagedProcess({
    name: 'temporal',
    command: options.cliPath,
    args: temporalDevServerArgs(options),
    output: options.output,
    quietWhileStopping: true,
  });
  const address = `127.0.0.1:${options.port}`;
  await waitUntil(
    async () => {
      if (!process.running) {
        const said = process.recentOutput.join('\n');
        throw new Error(`the dev server exited during start-up${said ? `, saying:\n${said}` : ''}`);
      }
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return true;
      } finally {
        await connection.close();
      }
    },
    { what: `Temporal dev server on ${address}`, timeoutMs: 60_000 },
  );
  return { address, uiUrl: `http://127.0.0.1:${options.uiPort}`, process };
}
