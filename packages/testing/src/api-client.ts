import { request as httpRequest } from 'node:http';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A small HTTP client for tests and scripts: JSON in and out, optional bearer token. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  withToken(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  get<T = unknown>(path: string): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path);
  }

  post<T = unknown>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, body);
  }

  /**
   * POSTs a real JSON body of `length` bytes through Node's fetch and returns the answer's status and content
   * type: for checking the body size limit as a browser meets it.
   */
  async postOversize(path: string, length: number): Promise<{ status: number; contentType: string }> {
    const response = await this.request('POST', path, `"${'x'.repeat(Math.max(0, length - 2))}"`, {
      'content-type': 'application/json',
    });
    return { status: response.status, contentType: response.headers.get('content-type') ?? '' };
  }

  /**
   * POSTs only the head of a request whose JSON body would be `length` bytes, and returns the answer's
   * status and content type: for a declared length the server refuses without reading the body at all.
   */
  postDeclaredLength(path: string, length: number): Promise<{ status: number; contentType: string }> {
    const headers = this.withAuthorization({
      'content-type': 'application/json',
      'content-length': String(length),
    });
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(new URL(path, this.baseUrl), { method: 'POST', headers });
      outgoing.on('response', (response) => {
        resolve({
          status: response.statusCode ?? 0,
          contentType: String(response.headers['content-type'] ?? ''),
        });
        response.resume();
        outgoing.destroy();
      });
      outgoing.on('error', reject);
      outgoing.flushHeaders();
    });
  }

  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const headers = this.withAuthorization({ ...extraHeaders });
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  /** `headers` with the bearer token, when this client has one. */
  private withAuthorization(headers: Record<string, string>): Record<string, string> {
    return this.token ? { ...headers, authorization: `Bearer ${this.token}` } : headers;
  }
}

/** The cookie `name` an answer sets: `name=value` (for a Cookie header) and its attributes, as sent. */
export function setCookieOf(headers: Headers, name: string): { pair: string; attributes: string[] } {
  const header = headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`));
  if (!header) throw new Error(`no ${name} cookie in ${JSON.stringify(headers.getSetCookie())}`);
  const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
  return { pair, attributes };
}
