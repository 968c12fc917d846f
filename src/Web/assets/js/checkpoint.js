import { api, problemText } from './api.js';
import { $, el, say, texts } from './dom.js';
import { date, dateTime, fill } from './format.js';
import { kept, sync, verifyOffline } from './offline-verify.js';

const t = texts();
const RECENT = 10; // scans kept on the screen (in this page only: nothing about a holder is stored)
const SAME_CODE_MS = 4000; // a code held before the camera is checked once, not at every frame
const FRAME_MS = 125; // at most 8 frames a second are read
const FRAME_SIDE = 480; // the centre square of the picture, scaled down to at most this many pixels
const PHOTO_SIDE = 1280; // a photo, scaled down to at most this many pixels on its longer side
const VALID_SHOWN_MS = 3000; // a valid permit's full-screen answer, then the next scan; any other waits for the officer
const SYNC_MS = 60_000; // the offline keys and list are refreshed this often while online
let camera = null; // { stream } while the camera scans
let detector = null; // the browser's BarcodeDetector, where it reads QR codes; else jsQR in a worker
let last = { token: '', at: 0 }; // the camera's last code
let asked = 0; // verifications asked: only the latest one's answer is shown in large type
let holding = null; // the timer that ends a full-screen answer
let offline = null; // the kept keys and lists (offline-verify.js), null before the first sync

/** The token of a permit's code as typed, pasted or scanned: the token itself, or a URL ending in /V/{token} (any case). */
function tokenOf(text) {
  const value = (text ?? '').trim();
  const url = /\/v\/([^/?#\s]+)\/?(?:[?#]\S*)?$/i.exec(value);
  return (url ? url[1] : value).replace(/\s+/g, '');
}

// ---- The answer

function show(v, full) {
  $('#verdict').className = `verdict v-${v.result}`;
  $('#verdict').textContent = t[`result.${v.result}`] ?? v.result;
  const validity = v.period ? fill(t.offlinePeriod, v.period.label, dateTime(v.period.endsAt))
    : v.noPeriod ? t.offlineNoPeriod : t.offlineNoValidity;
  say($('#offline-note'), v.offline ? (v.asOf ? fill(t.offline, dateTime(v.asOf)) : t.offlineNoList) : '',
    v.offline && v.result === 'valid' ? [validity] : []);
  const s = v.suspension;
  say($('#suspension'), s ? fill(t.suspension, s.wardName ?? s.wardCode, dateTime(s.since)) : '', s?.reason ? [fill(t.suspensionReason, s.reason)] : []);
  const facts = [];
  const fact = (key, value, cls, label = t[key]) => {
    if (value) facts.push(el('dt', { text: label }), el('dd', { class: cls, 'data-fact': key, text: value }));
  };
  fact('holder', v.holder?.fullName, 'holder', v.offline ? t.holderOnCode : t.holder);
  fact('idNumber', v.holder?.idNumber ?? v.holder?.idNumberMasked, undefined, v.offline ? t.idOnCode : t.idNumber);
  fact('birth', date(v.holder?.dateOfBirth));
  fact('enterprise', v.enterpriseName);
  fact('ward', v.wardName);
  fact('validity', v.validFrom && v.validTo ? fill(t.range, dateTime(v.validFrom), dateTime(v.validTo))
    : v.period ? fill(t.range, dateTime(v.period.startsAt), dateTime(v.period.endsAt)) : '', undefined, v.period ? t.periodValidity : t.validity);
  fact('revokedAt', dateTime(v.revokedAt));
  fact('checkedAt', dateTime(v.checkedAt));
  $('#facts').replaceChildren(...facts);
  $('#result').hidden = false;
  // From the camera: the whole screen in the verdict's colour, felt in the hand too, then the next scan.
  clearTimeout(holding);
  $('#result').className = full ? `result full v-${v.result}` : 'result';
  $('#next-wrap').hidden = !full;
  if (full) {
    navigator.vibrate?.(v.result === 'valid' ? 150 : [300, 120, 300, 120, 300]);
    $('#next').focus();
    if (v.result === 'valid') holding = setTimeout(next, VALID_SHOWN_MS);
  } else {
    $('#result').scrollIntoView({ block: 'nearest' }); // below the field on a phone
  }
}

/** Ends a full-screen answer: back to the camera. */
function next() {
  clearTimeout(holding);
  holding = null;
  if (!$('#result').classList.contains('full')) return;
  $('#result').className = 'result';
  $('#next-wrap').hidden = true;
  last.at = Date.now(); // the code just shown, still before the camera, is not read again at once
  (camera ? $('#scan-stop') : $('#token')).focus();
}
$('#next').addEventListener('click', next);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') next();
});

function remember(v) {
  const item = el('li', {}, el('span', { class: `badge v-${v.result}`, text: t[`result.${v.result}`] ?? v.result }),
    ' ', v.holder?.fullName ?? '', el('span', { class: 'muted', text: ` · ${dateTime(v.checkedAt)}${v.offline ? ` · ${t.offlineShort}` : ''}` }));
  $('#recent').prepend(item);
  while ($('#recent').children.length > RECENT) $('#recent').lastElementChild.remove();
}

async function verify(token, full = false) {
  const ask = ++asked;
  // Without a network (the browser knows, or the call cannot reach the server) the phone checks the token itself.
  let result = navigator.onLine === false ? { ok: false, status: 0 } : await api(`verify/${encodeURIComponent(token)}`);
  if (result.status === 0) {
    result = { ok: true, data: await verifyOffline(token, offline ?? await kept().catch(() => null)) };
    showKept();
  }
  const latest = ask === asked; // a later code's answer, arrived first, stays on the screen
  if (!result.ok) {
    if (latest) say($('#failed'), problemText(result, t));
    return;
  }
  if (latest) {
    say($('#failed'), '');
    show(result.data, full);
  }
  remember(result.data);
}

$('#check').addEventListener('submit', async (event) => {
  event.preventDefault();
  const token = tokenOf($('#token').value);
  if (!token) {
    say($('#failed'), t.empty);
    return $('#token').focus();
  }
  // Ready for the next one at once: a hand scanner may type the next code while this one is checked.
  $('#token').value = '';
  $('#token').focus();
  await verify(token);
});
// The button waits in the page for this script (a form sent before it listens would reload the
// page and lose the code); a code a hand scanner typed meanwhile is checked now.
$('#check button[type=submit]').disabled = false;
if ($('#token').value.trim()) $('#check').requestSubmit();

// ---- Reading QR codes: BarcodeDetector where the browser has one, else jsQR in a worker (qr-worker.js)

async function browserDetector() {
  if (!('BarcodeDetector' in window)) return null;
  try {
    return (await window.BarcodeDetector.getSupportedFormats()).includes('qr_code') ? new window.BarcodeDetector({ formats: ['qr_code'] }) : null;
  } catch {
    return null;
  }
}

let worker = null;
const waiting = new Map(); // the worker's answers awaited, by frame id
let frames = 0;

function decodeInWorker(image, photo) {
  if (!worker) {
    worker = new Worker('/assets/js/qr-worker.js');
    worker.onmessage = ({ data }) => {
      waiting.get(data.id)?.(data.text);
      waiting.delete(data.id);
    };
  }
  const id = ++frames;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker.postMessage({ id, width: image.width, height: image.height, data: image.data.buffer, photo }, [image.data.buffer]);
  });
}

const canvas = document.createElement('canvas');

/** The pixels of a part of a picture (sx, sy, side x side or w x h), scaled to fit `max`. */
function pixels(source, sx, sy, sw, sh, max) {
  const scale = Math.min(1, max / Math.max(sw, sh));
  canvas.width = Math.round(sw * scale);
  canvas.height = Math.round(sh * scale);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.drawImage(source, sx, sy, sw, sh, 0, 0, canvas.width, canvas.height);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

/** The text of the QR code in a picture (the video's centre square, or a whole photo), or null. */
async function read(source, photo) {
  const width = photo ? source.width : source.videoWidth;
  const height = photo ? source.height : source.videoHeight;
  if (!width || !height) return null;
  if (detector) {
    const [code] = await detector.detect(source);
    return code?.rawValue ?? null;
  }
  if (photo) return decodeInWorker(pixels(source, 0, 0, width, height, PHOTO_SIDE), true);
  const side = Math.min(width, height);
  return decodeInWorker(pixels(source, (width - side) / 2, (height - side) / 2, side, side, FRAME_SIDE), false);
}

async function startCamera() {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    camera = { stream };
    $('#camera').srcObject = stream;
    $('#camera').hidden = false;
    await $('#camera').play();
  } catch (error) {
    stopCamera();
    say($('#failed'), fill(t.cameraFailed, error?.message ?? error));
    return;
  }
  $('#scan-start').hidden = true;
  $('#scan-stop').hidden = false;
  $('#scan-stop').focus();
  look(camera);
}

/** Reads the camera's frames, one at a time and at most 8 a second, while this camera scans. */
async function look(scanning) {
  if (camera !== scanning) return;
  const started = performance.now();
  if (holding === null && !$('#result').classList.contains('full')) {
    try {
      const token = tokenOf(await read($('#camera'), false));
      if (token && camera === scanning && (token !== last.token || Date.now() - last.at > SAME_CODE_MS)) {
        last = { token, at: Date.now() };
        await verify(token, true);
      }
    } catch {
      // a frame that could not be read: the next one
    }
  }
  setTimeout(() => look(scanning), Math.max(0, FRAME_MS - (performance.now() - started)));
}

function stopCamera() {
  camera?.stream.getTracks().forEach((track) => track.stop());
  camera = null;
  $('#camera').srcObject = null;
  $('#camera').hidden = true;
  $('#scan-stop').hidden = true;
  $('#scan-start').hidden = !$('#scan-start').dataset.available;
}

$('#scan-start').addEventListener('click', startCamera);
$('#scan-stop').addEventListener('click', () => {
  stopCamera();
  $('#scan-start').focus();
});
window.addEventListener('pagehide', stopCamera);

// A photo from the phone's camera app, read the same way.
$('#photo-take').addEventListener('click', () => $('#photo').click());
$('#photo').addEventListener('change', async () => {
  const [file] = $('#photo').files;
  $('#photo').value = '';
  if (!file) return;
  let token = '';
  try {
    const image = await createImageBitmap(file);
    token = tokenOf(await read(image, true));
    image.close();
  } catch {
    // not an image the browser can read
  }
  if (!token) {
    say($('#failed'), t.photoUnread);
    return $('#failed').focus();
  }
  await verify(token);
});

// ---- Offline: the keys and the revocation list kept, refreshed while online

function showKept() {
  const at = offline?.syncedAt;
  const text = !at ? t.keptNone : fill(navigator.onLine === false ? t.keptOffline : t.kept, dateTime(at));
  if ($('#kept').textContent !== text) $('#kept').textContent = text;
  $('#kept').classList.toggle('away', navigator.onLine === false);
  if (at) $('#kept').dataset.synced = at;
}

let syncing = false;
async function refresh() {
  if (navigator.onLine !== false && !syncing) {
    syncing = true;
    try {
      offline = (await sync(api)) ?? offline;
    } catch {
      // IndexedDB unavailable (a private window may refuse it): online checks only
    } finally {
      syncing = false;
    }
  }
  showKept();
}

try {
  offline = await kept();
} catch {
  offline = null;
}
showKept();
refresh();
setInterval(refresh, SYNC_MS);
window.addEventListener('online', refresh);
window.addEventListener('offline', showKept);

// The page itself kept for use without a network, and installable (the manifest names /checkpoint).
navigator.serviceWorker?.register('/assets/js/checkpoint-sw.js', { scope: '/checkpoint' }).catch(() => undefined);

detector = await browserDetector();
if (navigator.mediaDevices?.getUserMedia && (detector || 'Worker' in window)) {
  $('#scan-start').dataset.available = 'yes';
  $('#scan-start').hidden = false;
}
$('#token').focus();
