import { formatTable } from './format-table';
import type { NotifyBenchmarkResult } from './notify.bench';

const ms = (value: number) => `${Math.round(value)} ms`;

/** The notify bench's table: escalation-to-mail latency against its target, outbox rate against bare sends. */
export function formatNotifyReport(result: NotifyBenchmarkResult): string {
  const latency = result.escalationToMail;
  return formatTable(
    ['measure', 'result', 'baseline', 'ratio', 'target', 'verdict'],
    [
      [
        `escalation recorded -> mail accepted (${latency.count})`,
        `p50 ${ms(latency.p50Ms)}, p99 ${ms(latency.p99Ms)}`,
        '',
        '',
        'p99 < 2000 ms',
        latency.p99Ms < 2000 ? 'met' : 'missed',
      ],
      [
        `deliveries through the outbox (${result.outbox.count})`,
        `${result.outbox.perSecond.toFixed(1)}/s`,
        `bare nodemailer ${result.bareNodemailer.perSecond.toFixed(1)}/s`,
        `${result.ratio.toFixed(2)}x`,
        '>= 0.7x',
        result.ratio >= 0.7 ? 'met' : 'missed',
      ],
    ],
  );
}
