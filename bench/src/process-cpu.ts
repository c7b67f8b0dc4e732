import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** CPU milliseconds (user + system) by role: each role's processes and every process they started. */
export type CpuByRole = Record<string, number>;

/** Process ids by role (`api`, `worker`, `temporal`, `postgres`), the roots of the trees measured. */
export type RolePids = Record<string, number[]>;

let ticksPerSecond: number | undefined;

/**
 * CPU time used so far by each role's process trees, read from /proc (Linux; nothing elsewhere), and by
 * this process as `clients` (the bench's simulated people). Subtract two readings to get a phase's.
 */
export function cpuByRole(roles: RolePids): CpuByRole {
  const usage = process.cpuUsage();
  const result: CpuByRole = { clients: (usage.user + usage.system) / 1000 };
  const processes = readProcesses();
  if (!processes) return result;
  for (const [role, pids] of Object.entries(treesOf(roles, processes)))
    result[role] = pids.reduce((sum, pid) => sum + (processes.get(pid)?.cpuMs ?? 0), 0);
  return result;
}

/** Each role's processes and every process they started (Postgres's backends), as running now. */
export function withDescendants(roles: RolePids): RolePids {
  const processes = readProcesses();
  return processes ? treesOf(roles, processes) : roles;
}

function treesOf(roles: RolePids, processes: Map<number, { ppid: number }>): RolePids {
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of processes) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const trees: RolePids = {};
  for (const [role, roots] of Object.entries(roles)) {
    const tree: number[] = [];
    const pending = [...roots];
    for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
      tree.push(pid);
      pending.push(...(children.get(pid) ?? []));
    }
    trees[role] = tree;
  }
  return trees;
}

/** What each role used between two readings. */
export function cpuBetween(before: CpuByRole, after: CpuByRole): CpuByRole {
  return Object.fromEntries(Object.entries(after).map(([role, ms]) => [role, ms - (before[role] ?? 0)]));
}

function readProcesses(): Map<number, { pid: number; ppid: number; cpuMs: number }> | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  const found = new Map<number, { pid: number; ppid: number; cpuMs: number }>();
  for (const name of pids) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (in parentheses, which may hold spaces): state, ppid, ... utime, stime,
      // then cutime and cstime: the ended children it reaped (Postgres's backends of closed connections).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = [11, 12, 13, 14].reduce((sum, field) => sum + Number(fields[field]), 0);
      found.set(Number(name), {
        pid: Number(name),
        ppid: Number(fields[1]),
        cpuMs: (ticks * 1000) / ticksPerSecond,
      });
    } catch {
      // The process ended while the list was read.
    }
  }
  return found;
}
