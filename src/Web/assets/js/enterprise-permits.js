import { api, fieldErrors, idempotencyKey, problemText } from './api.js';
import { $, badge, done, el, say, texts } from './dom.js';
import { date, fill, number } from './format.js';

const t = texts();
const enterpriseId = $('#screen').dataset.enterprise;
const failed = (result) => { say($('#done'), ''); say($('#failed'), problemText(result, t), fieldErrors(result)); $('#failed').focus(); };
const selected = (table) => [...document.querySelectorAll(`#${table} tbody input[type=checkbox]:checked`)].map((box) => box.value);
const check = (id, label) => el('input', { type: 'checkbox', value: id, 'aria-label': fill(t.select, label) });
const empty = (columns) => [el('tr', {}, el('td', { colspan: columns, text: t.none }))];

async function loadPeople() {
  const q = $('#people-q').value.trim();
  const result = await api(`enterprises/${enterpriseId}/approved-people?withoutPermit=true&limit=500${q ? `&q=${encodeURIComponent(q)}` : ''}`);
  const body = $('#people tbody');
  $('#people-all').checked = false;
  if (!result.ok) return body.replaceChildren(el('tr', {}, el('td', { colspan: 5, text: problemText(result, t) })));
  body.replaceChildren(...(result.data.items.length ? result.data.items.map((p) => el('tr', {},
    el('td', {}, check(p.entryId, p.fullName)),
    el('td', { text: p.fullName }), el('td', { text: p.idNumber }), el('td', { text: date(p.dateOfBirth) }), el('td', { text: p.position ?? '' }),
  )) : empty(5)));
}

async function loadPermits() {
  const q = $('#permit-q').value.trim();
  const status = $('#permit-status').value;
  const query = new URLSearchParams({ limit: '500' });
  if (q) query.set('q', q);
  if (status) query.set('status', status);
  const result = await api(`enterprises/${enterpriseId}/permits?${query}`);
  const body = $('#permits tbody');
  $('#permits-all').checked = false;
  if (!result.ok) return body.replaceChildren(el('tr', {}, el('td', { colspan: 6, text: problemText(result, t) })));
  body.replaceChildren(...(result.data.items.length ? result.data.items.map((p) => el('tr', {},
    el('td', {}, check(p.id, p.holder.fullName)),
    el('td', { text: p.holder.fullName }), el('td', { text: p.holder.idNumber }), el('td', {}, badge(p.status, t)),
    el('td', { text: date(p.validTo) }),
    el('td', {}, el('button', { type: 'button', class: 'link', text: t.showQrShort ?? 'QR', 'aria-label': fill(t.showQr, p.holder.fullName), onclick: () => showQr(p) })),
  )) : empty(6)));
}

function showQr(permit) {
  $('#qr-title').textContent = permit.holder.fullName;
  $('#qr-image').alt = fill(t.qrAlt, permit.holder.fullName);
  $('#qr-image').src = `/api/v1/permits/${permit.id}/qr.png`;
  $('#qr-dialog').showModal();
}

async function issue() {
  const entryIds = selected('people');
  if (!entryIds.length) return say($('#failed'), t.selectFirst);
  const result = await api(`enterprises/${enterpriseId}/permits`, { method: 'POST', json: { entryIds }, headers: { 'Idempotency-Key': idempotencyKey() } });
  if (!result.ok) return failed(result);
  done(fill(t.issued, number(result.data.permits.length)));
  await Promise.all([loadPeople(), loadPermits()]);
}

async function print() {
  const permitIds = selected('permits');
  if (!permitIds.length) return say($('#failed'), t.selectFirst);
  const result = await api('permits/print', { method: 'POST', json: { permitIds }, raw: true });
  if (!result.ok) return failed(result);
  const url = URL.createObjectURL(await result.response.blob());
  $('#pdf').replaceChildren(el('a', { href: url, target: '_blank', download: 'giay-di-duong.pdf', id: 'pdf-link', text: t.openPdf }));
  done(fill(t.printed, number(permitIds.length)));
}

async function revoke(reason) {
  const permitIds = selected('permits');
  const result = await api('permits/revoke', { method: 'POST', json: { permitIds, reason } });
  if (!result.ok) return failed(result);
  done(fill(t.revoked, number(result.data.revoked)));
  await Promise.all([loadPeople(), loadPermits()]);
}

const all = (box, table) => box.addEventListener('change', () => {
  document.querySelectorAll(`#${table} tbody input[type=checkbox]`).forEach((row) => { row.checked = box.checked; });
});
all($('#people-all'), 'people');
all($('#permits-all'), 'permits');
$('#people-search').addEventListener('submit', (e) => { e.preventDefault(); loadPeople(); });
$('#permit-search').addEventListener('submit', (e) => { e.preventDefault(); loadPermits(); });
$('#issue').addEventListener('click', issue);
$('#print').addEventListener('click', print);
$('#qr-close').addEventListener('click', () => $('#qr-dialog').close());
$('#revoke').addEventListener('click', () => {
  if (!selected('permits').length) return say($('#failed'), t.selectFirst);
  $('#revoke-error').hidden = true;
  $('#revoke-dialog').showModal();
});
$('#revoke-cancel').addEventListener('click', () => $('#revoke-dialog').close());
$('#revoke-form').addEventListener('submit', (e) => {
  const reason = $('#revoke-reason').value.trim();
  if (!reason) {
    e.preventDefault();
    $('#revoke-error').textContent = t.reasonRequired;
    $('#revoke-error').hidden = false;
    return;
  }
  $('#revoke-reason').value = '';
  revoke(reason);
});

loadPeople();
loadPermits();
