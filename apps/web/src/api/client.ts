import createClient from 'openapi-fetch';
import { authorisedFetch } from './authorised-fetch';
import type { paths } from './openapi.gen';
import { toProblem } from './problem';

/** The typed API client: paths, parameters and answers come from the API's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: authorisedFetch });

/** The data of a successful call, or its problem thrown, so TanStack Query sees failures as errors. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) throw toProblem(response.status, error);
  return data as T;
}
