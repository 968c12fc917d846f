import { api, problemText } from './api.js';
import { $, el, say, texts } from './dom.js';
import { date, dateTime } from './format.js';

const t = texts();
const fill = (template, ...values) => values.reduce((text, value, i) => text.replace(`{${i}}`, value), template);
const RECENT = 10; // scans kept on the screen (in this page only: nothing about a holder is stored)
const SAME_CODE_MS = 4000; // a code held before the camera is checked once, not at every frame
let camera = null; // { stream, detector } while the camera scans
let last = { token: '', at: 0 }; // the camera's last code
let asked = 0; // verifications asked: only the latest one's answer is shown in large type

/** The token of a permit's code as typed, pasted or scanned: the token itself, or a URL ending in /V/{token} (any case). */
function tokenOf(text) {
  const value = (text ?? '').trim();
  const url = /\/v\/([^/?#\s]+)\/?(?:[?#]\S*)?$/i.exec(value);
  return (url ? url[1] : value).replace(/\s+/g, '');
}

function show(v) {
  $('#verdict').className = `verdict v-${v.result}`;
  $('#verdict').textContent = t[`result.${v.result}`] ?? v.result;
  const s = v.suspension;
  say($('#suspension'), s ? fill(t.suspension, s.wardName ?? s.wardCode, dateTime(s.since)) : '', s?.reason ? [fill(t.suspensionReason, s.reason)] : []);
  const facts = [];
  const fact = (key, value, cls) => {
    if (value) facts.push(el('dt', { text: t[key] }), el('dd', { class: cls, 'data-fact': key, text: value }));
  };
  fact('holder', v.holder?.fullName, 'holder');
  fact('idNumber', v.holder?.idNumber ?? v.holder?.idNumberMasked);
  fact('birth', date(v.holder?.dateOfBirth));
  fact('enterprise', v.enterpriseName);
  fact('ward', v.wardName);
  fact('validity', v.validFrom && v.validTo ? fill(t.range, dateTime(v.validFrom), dateTime(v.validTo)) : '');
  fact('checkedAt', dateTime(v.checkedAt));
  $('#facts').replaceChildren(...facts);
  $('#result').hidden = false;
}

function remember(v) {
  const item = el('li', {}, el('span', { class: `badge v-${v.result}`, text: t[`result.${v.result}`] ?? v.result }),
    ' ', v.holder?.fullName ?? '', el('span', { class: 'muted', text: ` · ${dateTime(v.checkedAt)}` }));
  $('#recent').prepend(item);
  while ($('#recent').children.length > RECENT) $('#recent').lastElementChild.remove();
}

async function verify(token) {
  const ask = ++asked;
  const result = await api(`verify/${encodeURIComponent(token)}`);
  const latest = ask === asked; // a later code's answer, arrived first, stays on the screen
  if (!result.ok) {
    if (latest) say($('#failed'), problemText(result, t));
    return;
  }
  if (latest) {
    say($('#failed'), '');
    show(result.data);
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

// The camera, where the browser detects QR codes itself (BarcodeDetector); elsewhere the field alone.
async function scanner() {
  if (!('BarcodeDetector' in window) || !navigator.mediaDevices?.getUserMedia) return false;
  try {
    return (await window.BarcodeDetector.getSupportedFormats()).includes('qr_code');
  } catch {
    return false;
  }
}

async function startCamera() {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    camera = { stream, detector: new window.BarcodeDetector({ formats: ['qr_code'] }) };
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
  look();
}

async function look() {
  if (!camera) return;
  const { detector } = camera;
  try {
    const [code] = await detector.detect($('#camera'));
    const token = code ? tokenOf(code.rawValue) : '';
    if (token && (token !== last.token || Date.now() - last.at > SAME_CODE_MS)) {
      last = { token, at: Date.now() };
      await verify(token);
    }
  } catch {
    // a frame the detector could not read: the next one
  }
  if (camera?.detector === detector) setTimeout(look, 250);
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

if (await scanner()) {
  $('#scan-start').dataset.available = 'yes';
  $('#scan-start').hidden = false;
}
$('#token').focus();
