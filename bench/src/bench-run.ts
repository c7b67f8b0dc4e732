import { cpus } from 'node:os';
import type { BenchDatabase } from './bench-database';

/** What every benchmark's results start with: when, at what scale, on which machine and Postgres. */
export interface BenchRun {
  startedAt: string;
  scale: number;
  machine: { cpus: number; node: string };
  postgres: { server: BenchDatabase['server']; version: string };
}

/** The machine and database fields of a run's results. */
export function benchEnvironment(database: BenchDatabase): Pick<BenchRun, 'machine' | 'postgres'> {
  return {
    machine: { cpus: cpus().length, node: process.version },
    postgres: { server: database.server, version: database.serverVersion },
  };
}
