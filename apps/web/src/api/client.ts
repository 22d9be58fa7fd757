import type { ErrorCode, FieldError } from '@pantau/contracts';

/**
 * The one way the web app talks to the API. It sends the session cookie (same origin), the
 * CSRF token on state-changing requests, and the UI language; and it turns the error envelope
 * `{ error: { code, message, requestId?, fields? } }` into an ApiError whose message is the
 * server's own (already in the user's language).
 */

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK_ERROR' | 'BAD_RESPONSE';
  readonly requestId: string | undefined;
  readonly fields: FieldError[];
  /** The parsed response body, for the few routes that answer an error with a result body. */
  readonly body: unknown;

  constructor(args: {
    status: number;
    code: ApiError['code'];
    message: string;
    requestId?: string | undefined;
    fields?: FieldError[] | undefined;
    body?: unknown;
  }) {
    super(args.message);
    this.name = 'ApiError';
    this.status = args.status;
    this.code = args.code;
    this.requestId = args.requestId;
    this.fields = args.fields ?? [];
    this.body = args.body;
  }

  /** The server message for the field whose path ends with `name` ("body.nip" → "nip"). */
  fieldMessage(name: string): string | undefined {
    return this.fields.find((f) => lastSegment(f.path) === name)?.message;
  }
}

export function lastSegment(path: string): string {
  const parts = path.split('.');
  return parts[parts.length - 1] ?? path;
}

const KNOWN_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'CSRF_FAILED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'RATE_LIMITED',
  'PASSWORD_CHANGE_REQUIRED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_FILE',
  'INTERNAL_ERROR',
]);

function isErrorCode(v: unknown): v is ErrorCode {
  return typeof v === 'string' && KNOWN_CODES.has(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function codeForStatus(status: number): ErrorCode | 'BAD_RESPONSE' {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'INTERNAL_ERROR';
  return 'BAD_RESPONSE';
}

/**
 * Builds an ApiError from a failed response body. Pure, so it can be tested without fetch.
 * `fallbackMessage` is used when the body is not our envelope (a proxy's HTML page, say).
 */
export function toApiError(status: number, body: unknown, fallbackMessage: string): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (!error) return new ApiError({ status, code: codeForStatus(status), message: fallbackMessage, body });
  const code = isErrorCode(error.code) ? error.code : codeForStatus(status);
  const fields = Array.isArray(error.fields)
    ? error.fields.filter(isRecord).map((f) => ({
        path: String(f.path ?? ''),
        code: String(f.code ?? ''),
        message: String(f.message ?? ''),
      }))
    : [];
  return new ApiError({
    status,
    code,
    message: typeof error.message === 'string' && error.message !== '' ? error.message : fallbackMessage,
    requestId: typeof error.requestId === 'string' ? error.requestId : undefined,
    fields,
    body,
  });
}

interface ClientHooks {
  /** Current UI language, sent as Accept-Language so server messages come back in it. */
  language: () => string;
  /** Message shown when the server gives no message (network down, HTML error page). */
  fallbackMessage: (kind: 'network' | 'server') => string;
  /** Called on any 401 except where the caller handles it; the app shows the sign-in page. */
  onUnauthenticated: () => void;
}

let hooks: ClientHooks = {
  language: () => 'id',
  fallbackMessage: (kind) => (kind === 'network' ? 'Tidak dapat terhubung ke server.' : 'Terjadi kesalahan.'),
  onUnauthenticated: () => {},
};
let csrfToken: string | null = null;

export function configureApiClient(next: Partial<ClientHooks>): void {
  hooks = { ...hooks, ...next };
}

/** Set from `me.csrfToken` whenever /api/me or sign-in answers. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON body, or FormData for uploads (the browser sets the multipart boundary). */
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal | undefined;
  /** Let the caller see a 401 as an error instead of being sent to the sign-in page. */
  allowUnauthenticated?: boolean;
  /** Extra request headers (e.g. a complaint's tracking token, which must not go in the URL). */
  headers?: Record<string, string>;
  /**
   * Public (citizen) endpoints send no cookie: a signed-in official using the public form acts as
   * a citizen, and no session or CSRF token is involved.
   */
  withoutSession?: boolean;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: 'application/json',
    'Accept-Language': hooks.language(),
  };
  if (UNSAFE_METHODS.has(method) && csrfToken && !options.withoutSession) headers['X-CSRF-Token'] = csrfToken;

  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: options.withoutSession ? 'omit' : 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: hooks.fallbackMessage('network') });
  }

  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }

  if (!response.ok) {
    const error = toApiError(response.status, parsed, hooks.fallbackMessage('server'));
    if (response.status === 401 && !options.allowUnauthenticated) hooks.onUnauthenticated();
    throw error;
  }
  // Callers name the DTO type from @pantau/contracts; the server validates its responses.
  return parsed as T;
}
