import { api, fieldErrors, idempotencyKey, problemText } from './api.js';
import { $, badge, done, el, say, texts } from './dom.js';
import { date, fill, number } from './format.js';
import { condition } from './ward-level.js';

const t = texts();
const screen = $('#screen').dataset;
const decides = screen.role === 'approver' || screen.role === 'ward-officer';
const failed = (result) => { say($('#done'), ''); say($('#failed'), problemText(result, t), fieldErrors(result)); $('#failed').focus(); };
const wards = new Map(); // the city's wards by code: name, level and lockdown in force
let current = null; // the enterprise a dialog acts on

/** The city's wards: names in the table, choices of the filter and the registration (a ward's official: their ward only). */
async function loadWards() {
  const result = screen.city ? await api(`wards?cityCode=${encodeURIComponent(screen.city)}`) : { ok: false };
  const list = result.ok ? result.data : [];
  list.forEach((w) => wards.set(w.code, w));
  const mine = screen.ward ? list.filter((w) => w.code === screen.ward) : list;
  const option = (w) => el('option', { value: w.code, text: w.name });
  $('#r-ward').replaceChildren(...(mine.length ? mine.map(option) : [el('option', { value: screen.ward ?? '', text: screen.ward ?? '' })]));
  $('#ward')?.replaceChildren($('#ward').options[0], ...list.map(option));
}

function actions(e) {
  const buttons = [];
  const button = (text, label, onclick, cls) => el('button', { type: 'button', class: cls, text, 'aria-label': fill(label, e.name), onclick });
  if (decides && e.status === 'pending') {
    buttons.push(button(t.activate, t.activateOne, () => activate(e), 'primary'));
    buttons.push(button(t.reject, t.rejectOne, () => open('reject', e), 'danger'));
  }
  if (decides && e.status === 'active') buttons.push(button(t.quota, t.quotaOne, () => open('quota', e)));
  if (screen.role === 'approver' && e.status === 'active') buttons.push(button(t.clear, t.clearOne, () => open('clear', e), 'danger'));
  return el('div', { class: 'row-actions' }, buttons);
}

/** A ward's name with its epidemic level and lockdown, as the list of wards gives them. */
function ward(code) {
  const w = wards.get(code);
  return w ? [el('div', { text: w.name }), condition(w, t)] : [code];
}

async function load() {
  const query = new URLSearchParams({ limit: '500' });
  for (const [key, value] of new FormData($('#search'))) {
    if (String(value).trim()) query.set(key, String(value).trim());
  }
  const result = await api(`enterprises?${query}`);
  const body = $('#enterprises tbody');
  if (!result.ok) return body.replaceChildren(el('tr', {}, el('td', { colspan: 6, text: problemText(result, t) })));
  body.replaceChildren(...(result.data.items.length ? result.data.items.map((e) => el('tr', { 'data-id': e.id },
    el('td', { text: e.name }), el('td', { text: e.taxCode }), el('td', { class: 'ward' }, ward(e.wardCode)),
    el('td', {}, badge(e.status, t), e.rejectionReason ? el('div', { class: 'muted', text: e.rejectionReason }) : null,
      e.permitsOverQuota > 0 ? el('div', { class: 'over-quota', text: fill(t.overQuota, number(e.permitsOverQuota)) }) : null),
    el('td', { class: 'num quota', text: `${number(e.activePermits)} / ${number(e.quota)}` }),
    el('td', {}, actions(e)),
  )) : [el('tr', {}, el('td', { colspan: 6, text: t.none }))]));
}

async function activate(e) {
  const result = await api(`enterprises/${e.id}/activate`, { method: 'POST', json: {} });
  if (!result.ok) return failed(result);
  done(fill(t.activated, e.name));
  await load();
}

async function open(kind, e) {
  current = e;
  $(`#${kind}-name`).textContent = e.name;
  $(`#${kind}-error`).hidden = true;
  $(`#${kind}-form`).reset();
  if (kind === 'clear') {
    const periods = await api('periods');
    $('#clear-period').replaceChildren(...(periods.ok ? periods.data.items : []).map((p) =>
      el('option', { value: p.id, text: fill(t.period, p.label, date(p.startsAt), date(p.endsAt)) })));
  }
  $(`#${kind}-dialog`).showModal();
}

/** A dialog's submission: the reason is required; the call's refusal is shown in the dialog, which stays open. */
function submitted(kind, call) {
  $(`#${kind}-form`).addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = $(`#${kind}-error`);
    const reason = $(`#${kind}-reason`).value.trim();
    if (!reason) {
      error.textContent = t.reasonRequired;
      error.hidden = false;
      return;
    }
    const result = await call(current, reason);
    if (!result.ok) {
      error.textContent = [problemText(result, t), ...fieldErrors(result)].join(' ');
      error.hidden = false;
      return;
    }
    $(`#${kind}-dialog`).close();
    await load();
  });
}

const numberOf = (id) => ($(id).value.trim() === '' ? undefined : Number($(id).value));

submitted('reject', async (e, reason) => {
  const result = await api(`enterprises/${e.id}/reject`, { method: 'POST', json: { reason } });
  if (result.ok) done(fill(t.rejected, e.name));
  return result;
});
submitted('quota', async (e, reason) => {
  const json = { workforce: numberOf('#quota-workforce'), ratioPercent: numberOf('#quota-ratio'), quota: numberOf('#quota-value'), reason };
  const result = await api(`enterprises/${e.id}/quota`, { method: 'PUT', json });
  if (result.ok) done(fill(t.quotaChanged, e.name, number(result.data.quota)));
  return result;
});
submitted('clear', async (e, reason) => {
  const result = await api(`enterprises/${e.id}/permits/clear`, { method: 'POST', json: { periodId: $('#clear-period').value, reason } });
  if (result.ok) done(fill(t.cleared, number(result.data.revoked), e.name));
  return result;
});
document.querySelectorAll('dialog .cancel').forEach((b) => b.addEventListener('click', () => b.closest('dialog').close()));

$('#search').addEventListener('submit', (e) => { e.preventDefault(); load(); });
$('#register').addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = Object.fromEntries([...new FormData($('#register'))].map(([key, value]) => [key, String(value).trim()]));
  data.workforce = data.workforce === '' ? null : Number(data.workforce);
  const result = await api('enterprises', { method: 'POST', json: data, headers: { 'Idempotency-Key': idempotencyKey() } });
  if (!result.ok) return failed(result);
  done(fill(t.registered, result.data.name));
  $('#register').reset();
  await loadWards();
  await load();
});

await loadWards();
await load();
