import type {
  ConfigurationMeta,
  FormBody,
  PlaybookBody,
  PlaybookBundle,
  PlaybookImportResult,
  RubricBody,
} from '@coachflow/contracts';
import { authorisedFetch } from '#web/api/authorised-fetch';
import { toProblem } from '#web/api/problem';

/** The configuration kinds, by their collection in the API. */
export type ConfigurationCollection = 'rubrics' | 'forms' | 'playbooks';

export interface BodyOf {
  rubrics: RubricBody;
  forms: FormBody;
  playbooks: PlaybookBody;
}

export type ViewOf<C extends ConfigurationCollection> = ConfigurationMeta &
  BodyOf[C] & { isDefault?: boolean };

/** One version as read or written, with the ETag that a later write sends back in If-Match. */
export interface Versioned<C extends ConfigurationCollection> {
  view: ViewOf<C>;
  etag: string | null;
}

export interface Summary {
  id: string;
  name: string;
  version: number;
  status: 'draft' | 'published';
  publishedVersion: number | null;
  taskKind?: FormBody['taskKind'];
  archived: boolean;
  updatedBy: string;
  updatedAt: string;
}

async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await authorisedFetch(
    new Request(new URL(path, window.location.origin), {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const text = await response.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw toProblem(response.status, json);
  return { data: json as T, etag: response.headers.get('etag') };
}

export async function listConfiguration(
  collection: ConfigurationCollection,
  status?: 'published',
): Promise<Summary[]> {
  const items: Summary[] = [];
  let cursor: string | null = null;
  do {
    const query: URLSearchParams = new URLSearchParams({
      limit: '200',
      ...(status ? { status } : {}),
      ...(cursor ? { cursor } : {}),
    });
    const { data }: { data: { items: Summary[]; nextCursor: string | null } } = await call<{
      items: Summary[];
      nextCursor: string | null;
    }>('GET', `/api/${collection}?${query}`);
    items.push(...data.items);
    cursor = data.nextCursor;
  } while (cursor);
  return items;
}

export async function readLatest<C extends ConfigurationCollection>(
  collection: C,
  id: string,
): Promise<Versioned<C>> {
  const { data, etag } = await call<ViewOf<C>>('GET', `/api/${collection}/${id}`);
  return { view: data, etag };
}

export async function readVersion<C extends ConfigurationCollection>(
  collection: C,
  id: string,
  version: number,
) {
  return (await call<ViewOf<C>>('GET', `/api/${collection}/${id}/versions/${version}`)).data;
}

export async function createDraft<C extends ConfigurationCollection>(
  collection: C,
  body: BodyOf[C],
): Promise<Versioned<C>> {
  const { data, etag } = await call<ViewOf<C>>('POST', `/api/${collection}`, body);
  return { view: data, etag };
}

/** Replaces the draft; a write over a newer version than `etag` is a 409 (ApiProblem), never a lost update. */
export async function saveDraft<C extends ConfigurationCollection>(
  collection: C,
  id: string,
  body: BodyOf[C],
  etag: string | null,
): Promise<Versioned<C>> {
  const { data, etag: next } = await call<ViewOf<C>>(
    'PUT',
    `/api/${collection}/${id}`,
    body,
    etag ? { 'if-match': etag } : {},
  );
  return { view: data, etag: next };
}

export async function publishDraft<C extends ConfigurationCollection>(
  collection: C,
  id: string,
  etag: string | null,
): Promise<Versioned<C>> {
  const { data, etag: next } = await call<ViewOf<C>>(
    'POST',
    `/api/${collection}/${id}/publish`,
    undefined,
    etag ? { 'if-match': etag } : {},
  );
  return { view: data, etag: next };
}

export async function exportPlaybook(id: string): Promise<PlaybookBundle> {
  return (await call<PlaybookBundle>('GET', `/api/playbooks/${id}/export`)).data;
}

export async function importPlaybook(bundle: unknown): Promise<PlaybookImportResult> {
  return (await call<PlaybookImportResult>('POST', '/api/playbooks/import', bundle)).data;
}

export async function userName(id: string): Promise<string> {
  try {
    return (await call<{ name: string }>('GET', `/api/users/${id}`)).data.name;
  } catch {
    return 'someone else';
  }
}

/** How many running cycles are pinned to each version of a playbook. */
export async function pinnedCycles(playbookId: string): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  let cursor: string | null = null;
  do {
    const query: URLSearchParams = new URLSearchParams({
      status: 'running',
      limit: '200',
      ...(cursor ? { cursor } : {}),
    });
    const {
      data,
    }: { data: { items: { playbook: { id: string; version: number } }[]; nextCursor: string | null } } =
      await call<{ items: { playbook: { id: string; version: number } }[]; nextCursor: string | null }>(
        'GET',
        `/api/cycles?${query}`,
      );
    for (const cycle of data.items)
      if (cycle.playbook.id === playbookId)
        counts.set(cycle.playbook.version, (counts.get(cycle.playbook.version) ?? 0) + 1);
    cursor = data.nextCursor;
  } while (cursor);
  return counts;
}
