import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

/**
 * POSTs a JSON body and answers the status code. The connection resolves its host through `lookup` (the
 * guarded one refuses private addresses at connect time), follows no redirect, reads at most a little of
 * the answer and gives up after `timeoutMs`.
 */
export function postJson(
  url: URL,
  body: string,
  headers: Record<string, string>,
  options: { lookup: LookupFunction; timeoutMs: number },
): Promise<number> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
        lookup: options.lookup,
        timeout: options.timeoutMs,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
