// The dashboard's one way to the server: the session cookie travels by itself (same origin),
// unsafe methods carry the CSRF token the session answer gave, an operator's calls name the
// chosen app, and every error arrives as an ApiError built from the problem+json body.

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A failed call: `status` (0 when the server was unreachable) and the problem document. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(describeProblem(problem, status));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem || {};
  }

  /** [{field, message}] from the problem, for messages beside the fields they name. */
  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/**
 * One sentence for a person from a problem document: its detail (or title), then each field
 * error as "field: message" unless the detail already says it. Without a body, a plain
 * sentence for the status.
 */
export function describeProblem(problem, status) {
  const head = problem?.detail || problem?.title || fallback(status);
  const fields = (Array.isArray(problem?.errors) ? problem.errors : [])
    .filter((e) => e.message && !head.includes(e.message))
    .map((e) => (e.field ? `${e.field}: ${e.message}` : e.message));
  return fields.length ? `${head} (${fields.join('; ')})` : head;
}

function fallback(status) {
  if (!status) return 'The server could not be reached; check the connection and try again.';
  if (status === 401) return 'Not signed in.';
  if (status === 403) return 'Not allowed.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many requests; wait a moment and try again.';
  return `The server answered ${status}.`;
}

/** A query string from an object, leaving out empty values: {a: 1, b: ''} → "?a=1". */
export function queryString(query = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * @param {{ onSessionEnded: (error: ApiError) => void }} hooks called when a signed-in call
 *   gets 401: the session expired, or its key was rotated or revoked.
 */
export function createApi({ onSessionEnded }) {
  let session = null;
  let app = null;

  async function request(method, path, { query, body, raw, contentType, scoped = true, signedIn = true } = {}) {
    const headers = { Accept: 'application/json' };
    if (session && UNSAFE.has(method)) headers['X-CSRF-Token'] = session.csrfToken;
    if (scoped && session?.role === 'operator' && app) headers['X-Swipeloop-App'] = app;
    let payload;
    if (raw !== undefined) {
      payload = raw;
      headers['Content-Type'] = contentType || 'application/octet-stream';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
    let response;
    try {
      response = await fetch(path + queryString(query), { method, headers, body: payload, credentials: 'same-origin' });
    } catch {
      throw new ApiError(0, null);
    }
    const text = await response.text();
    let json = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = { detail: text.slice(0, 200) };
      }
    }
    if (!response.ok) {
      const error = new ApiError(response.status, json);
      if (response.status === 401 && signedIn && session) {
        session = null;
        onSessionEnded(error);
      }
      throw error;
    }
    return json;
  }

  return {
    get session() {
      return session;
    },
    /** The app the pages show: the session's own, or the one an operator picked. */
    get app() {
      return session?.role === 'operator' ? app : session?.app ?? null;
    },
    selectApp(id) {
      app = id;
    },
    get: (path, query, options) => request('GET', path, { ...options, query }),
    post: (path, body, options) => request('POST', path, { ...options, body }),
    patch: (path, body, options) => request('PATCH', path, { ...options, body }),
    /** Sends bytes as they are (an image upload). */
    upload: (path, blob, contentType) => request('POST', path, { raw: blob, contentType }),
    /**
     * A URL the browser fetches by itself (a download link, an image): no custom header
     * goes with it, so an operator's app goes in the query.
     */
    href(path, query = {}) {
      const scoped = session?.role === 'operator' && app ? { ...query, app } : query;
      return path + queryString(scoped);
    },
    /** Asks whether the cookie still holds a session; null when not. */
    async resume() {
      try {
        session = await request('GET', '/v1/admin/session', { scoped: false, signedIn: false });
      } catch (e) {
        if (e.status !== 401) throw e;
        session = null;
      }
      return session;
    },
    async signIn(secret) {
      session = await request('POST', '/v1/admin/session', { body: { secret }, scoped: false, signedIn: false });
      return session;
    },
    async signOut() {
      try {
        if (session) await request('DELETE', '/v1/admin/session', { scoped: false, signedIn: false });
      } finally {
        session = null;
      }
    },
    /** Forgets the session without asking the server (it already ended). */
    forget() {
      session = null;
    },
  };
}
