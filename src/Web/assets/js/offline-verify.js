// The checkpoint's offline verification (docs/qr-format.md, "Verifying offline"): the published keys
// and the revocation feed kept in IndexedDB, and a token checked in the browser without the server:
// base32, CBOR, COSE_Sign1 with ES256 verified by WebCrypto, then the revocations and the suspensions.
// Only public data is kept (keys, permit ids, lockdown lines): nothing about a holder.

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ES256 = -7;
const CLAIM_ID = 7;
const CLAIM_NAME = -65537;
const CLAIM_ID_NUMBER = -65538;

/** The bytes of unpadded base32 (RFC 4648, either case); throws on any other character or a bad length. */
export function base32(text) {
  const value = text.toUpperCase().replace(/=+$/, '');
  if ([1, 3, 6].includes(value.length % 8)) throw new Error('base32 length');
  const bytes = new Uint8Array(Math.floor((value.length * 5) / 8));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (const char of value) {
    const digit = BASE32.indexOf(char);
    if (digit < 0) throw new Error('base32 character');
    buffer = ((buffer << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

/** One CBOR item (the subset a token uses: integers, byte and text strings, arrays, maps, tags); returns [value, next index]. */
export function cbor(bytes, start = 0) {
  let i = start;
  const byte = (n) => {
    if (i + n > bytes.length) throw new Error('CBOR truncated');
    const slice = bytes.subarray(i, i + n);
    i += n;
    return slice;
  };
  const [initial] = byte(1);
  const major = initial >> 5;
  const info = initial & 31;
  let arg;
  if (info < 24) arg = info;
  else if (info <= 26) arg = byte(1 << (info - 24)).reduce((n, b) => n * 256 + b, 0);
  else throw new Error('CBOR length');
  switch (major) {
    case 0: return [arg, i];
    case 1: return [-1 - arg, i];
    case 2: return [byte(arg).slice(), i];
    case 3: return [new TextDecoder('utf-8', { fatal: true }).decode(byte(arg)), i];
    case 4: {
      const items = [];
      for (let n = 0; n < arg; n++) [items[n], i] = cbor(bytes, i);
      return [items, i];
    }
    case 5: {
      const map = new Map();
      for (let n = 0; n < arg; n++) {
        let key;
        let value;
        [key, i] = cbor(bytes, i);
        [value, i] = cbor(bytes, i);
        if (map.has(key)) throw new Error('CBOR duplicate key');
        map.set(key, value);
      }
      return [map, i];
    }
    case 6: {
      const [value, next] = cbor(bytes, i);
      return [{ tag: arg, value }, next];
    }
    default: throw new Error('CBOR item');
  }
}

const whole = (bytes) => {
  const [value, next] = cbor(bytes);
  if (next !== bytes.length) throw new Error('CBOR trailing bytes');
  return value;
};

const head = (major, n) => (n < 24 ? [(major << 5) | n] : n < 256 ? [(major << 5) | 24, n] : [(major << 5) | 25, n >> 8, n & 0xff]);
const hex = (bytes) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
const uuid = (bytes) => hex(bytes).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
const isBytes = (value) => value instanceof Uint8Array;
const sameKeys = (map, keys) => map instanceof Map && map.size === keys.length && keys.every((k) => map.has(k));

/**
 * The token taken apart: `{ kid, permitId, name, idNumberMasked, signed, signature }`, where `signed` is the
 * Sig_structure of RFC 9052, 4.4; throws when it is not exactly the format of docs/qr-format.md.
 */
export function parseToken(token) {
  const message = whole(base32(token));
  if (message?.tag !== 18 || !Array.isArray(message.value) || message.value.length !== 4) throw new Error('not COSE_Sign1');
  const [protectedBytes, unprotected, payload, signature] = message.value;
  if (!isBytes(protectedBytes) || !isBytes(payload) || !isBytes(signature) || signature.length !== 64) throw new Error('COSE_Sign1 shape');
  if (!(unprotected instanceof Map) || unprotected.size !== 0) throw new Error('unprotected header');
  const header = whole(protectedBytes);
  if (!sameKeys(header, [1, 4]) || header.get(1) !== ES256 || !isBytes(header.get(4)) || header.get(4).length !== 4) throw new Error('protected header');
  const claims = whole(payload);
  if (!sameKeys(claims, [CLAIM_ID, CLAIM_NAME, CLAIM_ID_NUMBER])) throw new Error('claims');
  const id = claims.get(CLAIM_ID);
  if (!isBytes(id) || id.length !== 16 || typeof claims.get(CLAIM_NAME) !== 'string' || typeof claims.get(CLAIM_ID_NUMBER) !== 'string') throw new Error('claims');
  const signed = new Uint8Array([
    ...head(4, 4), ...head(3, 10), ...new TextEncoder().encode('Signature1'),
    ...head(2, protectedBytes.length), ...protectedBytes, ...head(2, 0), ...head(2, payload.length), ...payload,
  ]);
  return { kid: hex(header.get(4)), permitId: uuid(id), name: claims.get(CLAIM_NAME), idNumberMasked: claims.get(CLAIM_ID_NUMBER), signed, signature };
}

// ---- What is kept: { keys: JWKS keys, cursor, revoked: { permitId: revokedAt }, suspensions: { "permitId suspensionId": line }, syncedAt }

const DB = 'permits-checkpoint';
const STORE = 'kept';
const KEY = 'offline';
const PAGE = 500; // the feed's largest page

function database() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function transact(mode, work) {
  const db = await database();
  try {
    return await new Promise((resolve, reject) => {
      const request = work(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

/** The kept keys and lists, or null before the first complete sync. */
export const kept = () => transact('readonly', (store) => store.get(KEY)).then((value) => value ?? null);
const keep = (value) => transact('readwrite', (store) => store.put(value, KEY));

/**
 * Brings the kept keys and lists up to date: the keys whole, the feed from the kept cursor to its end.
 * `get(path)` is the page's API call ({ ok, data }). Returns the kept value, or null when a call failed
 * (the kept value, if any, stays as it was).
 */
export async function sync(get) {
  // A fresh copy from the database, changed here and kept only once the feed is read to its end.
  const next = (await kept()) ?? { cursor: null, revoked: {}, suspensions: {} };
  const keys = await get('verify/keys');
  if (!keys.ok || !Array.isArray(keys.data?.keys)) return null;
  next.keys = keys.data.keys;
  for (;;) {
    const page = await get(`verify/revocations?limit=${PAGE}${next.cursor ? `&since=${encodeURIComponent(next.cursor)}` : ''}`);
    if (!page.ok) return null;
    const { items = [], suspensions = [], nextCursor } = page.data ?? {};
    for (const item of items) next.revoked[item.permitId] = item.revokedAt;
    for (const line of suspensions) next.suspensions[`${line.permitId} ${line.suspensionId}`] = line; // a later line replaces an earlier one
    next.cursor = nextCursor ?? next.cursor;
    if (items.length < PAGE && suspensions.length < PAGE) break; // a page not full is the end of both feeds
  }
  // The periods of the checkpoint's city: a live permit is valid through the period it is in. Not
  // needed to check a code, so a failed call keeps the periods kept before.
  const periods = await get('periods');
  if (periods.ok && Array.isArray(periods.data?.items)) {
    next.periods = periods.data.items.map(({ id, label, startsAt, endsAt }) => ({ id, label, startsAt, endsAt }));
  }
  next.syncedAt = new Date().toISOString();
  await keep(next);
  return next;
}

/**
 * What an offline verifier can say of a token: `{ result, holder, suspension, period, noPeriod, offline: true, asOf, checkedAt }`,
 * `result` one of valid, revoked, suspended, invalid (not a token, a key not kept, a bad signature), unchecked
 * (no keys kept yet).
 */
export async function verifyOffline(token, state, now = new Date()) {
  const answer = { offline: true, asOf: state?.syncedAt ?? null, checkedAt: now.toISOString() };
  if (!state?.keys) return { ...answer, result: 'unchecked' }; // nothing kept yet: neither good nor forged
  let parsed;
  try {
    parsed = parseToken(token);
    const jwk = (state?.keys ?? []).find((k) => k.kid === parsed.kid && k.kty === 'EC' && k.crv === 'P-256');
    if (!jwk) return { ...answer, result: 'invalid' };
    const key = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true },
      { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    // WebCrypto takes ECDSA signatures as r || s, as COSE writes them.
    if (!(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, parsed.signature, parsed.signed))) {
      return { ...answer, result: 'invalid' };
    }
  } catch {
    return { ...answer, result: 'invalid' };
  }
  const holder = { fullName: parsed.name, idNumberMasked: parsed.idNumberMasked };
  if (state.revoked[parsed.permitId]) return { ...answer, holder, result: 'revoked', revokedAt: state.revoked[parsed.permitId] };
  const suspension = Object.values(state.suspensions).find((line) => line.permitId === parsed.permitId
    && new Date(line.since) <= now && (line.until === null || line.until === undefined || now < new Date(line.until)));
  if (suspension) return { ...answer, holder, result: 'suspended', suspension };
  return { ...answer, holder, result: 'valid', ...periodAt(state.periods, now) };
}

/**
 * What the kept periods say of `now`: `{ period }`, the period in force, through which a live permit is
 * valid; or `{ noPeriod: true }` when periods are kept and none is in force (the permit may have expired:
 * the phone cannot tell offline); or nothing when no period is kept.
 */
function periodAt(periods, now) {
  if (!Array.isArray(periods) || periods.length === 0) return {};
  const period = periods.find((p) => new Date(p.startsAt) <= now && now < new Date(p.endsAt));
  return period ? { period } : { noPeriod: true };
}
