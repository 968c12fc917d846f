// Calls to /api/v1 with the sign-in cookie. Writes carry the anti-forgery token of the page
// (<meta name="csrf-token">), and every call asks for the page's language.

const csrf = () => document.querySelector('meta[name="csrf-token"]')?.content ?? '';
const unsafe = (method) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

/**
 * @returns {Promise<{ ok: boolean, status: number, data: any, response?: Response }>} `data` is the JSON
 * answer or problem; `status` 0 when the server could not be reached.
 */
export async function api(path, { method = 'GET', json, form, headers = {}, raw = false } = {}) {
  const init = { method, credentials: 'same-origin', headers: { 'Accept-Language': document.documentElement.lang, ...headers } };
  if (unsafe(method)) {
    init.headers['X-CSRF-TOKEN'] = csrf();
  }
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (form !== undefined) {
    init.body = form;
  }
  let response;
  try {
    response = await fetch(`/api/v1/${path}`, init);
  } catch {
    return { ok: false, status: 0, data: null };
  }
  if (raw && response.ok) {
    return { ok: true, status: response.status, data: null, response };
  }
  const type = response.headers.get('Content-Type') ?? '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  return { ok: response.ok, status: response.status, data, response };
}

/**
 * Keeps only the latest of a series of reads that a choice starts (a city, a ward): the function it
 * returns takes a read's promise and resolves to its answer, or to null when another read was started
 * since, whose answer is then the one to show however late the earlier one comes.
 */
export function latestOnly() {
  let started = 0;
  return async (read) => {
    const mine = ++started;
    const result = await read;
    return mine === started ? result : null;
  };
}

/** A key that makes a retried creation return the first answer (the contract's Idempotency-Key). */
export const idempotencyKey = () => crypto.randomUUID();

/** The message of a problem answer, or the page's generic one. */
export function problemText(result, texts) {
  if (result.status === 0) return texts.offline;
  return result.data?.detail || result.data?.title || texts.error;
}

/** Field messages of a 400 validation_failed, flattened. */
export function fieldErrors(result) {
  const errors = result.data?.errors;
  return errors && typeof errors === 'object' && !Array.isArray(errors) ? Object.values(errors).flat() : [];
}
