import { api, fieldErrors, idempotencyKey, latestOnly, problemText } from './api.js';
import { $, done, el, say, texts } from './dom.js';
import { dateTime, fill, number, vietnamDay } from './format.js';
import { condition } from './ward-level.js';

const t = texts();
const screen = $('#screen').dataset;
const failed = (result, items) => { say($('#done'), ''); say($('#failed'), result ? problemText(result, t) : items.shift(), result ? fieldErrors(result) : items); $('#failed').focus(); };
const city = () => ($('#city') ? $('#city').value.trim() : screen.city) || '';
const wardNames = new Map();
const wardConditions = new Map(); // code -> { level, lockdown } in force, as the list of wards gives them
let periods = [];
let rolling = null; // the period the dialog carries forward

async function loadCity() {
  const code = city();
  if (!code) return;
  const [policy, wards] = await Promise.all([api(`cities/${encodeURIComponent(code)}/policy`), api(`wards?cityCode=${encodeURIComponent(code)}`)]);
  if (!policy.ok) return failed(policy);
  $('#city-ratio').value = policy.data.defaultRatioPercent;
  const list = wards.ok ? wards.data : [];
  list.forEach((w) => { wardNames.set(w.code, w.name); wardConditions.set(w.code, w); });
  $('#ward').replaceChildren(...list.map((w) => el('option', { value: w.code, text: `${w.name} (${w.districtName})` })));
  await loadWard();
}

const wardPolicy = latestOnly(); // an answer for a ward chosen before the current one is dropped

// While a ward's policy is on its way, its fields wait: what one types into them would be
// overwritten by the answer, or saved for the ward chosen before.
function wardFieldsWait(waiting) {
  $('#ward-policy').setAttribute('aria-busy', String(waiting));
  $('#ward-policy').querySelectorAll('input, button').forEach((e) => { e.disabled = waiting; });
}

async function loadWard() {
  const code = $('#ward').value;
  if (!code) return;
  wardFieldsWait(true);
  $('#ward-effective').textContent = '';
  const result = await wardPolicy(api(`wards/${encodeURIComponent(code)}/policy`));
  if (!result) return;
  wardFieldsWait(false);
  if (!result.ok) return failed(result);
  const p = result.data;
  const now = wardConditions.get(code);
  $('#ward-level').replaceChildren(...(now ? [condition(now, t)] : []));
  $('#ward-ratio').value = p.defaultRatioPercent ?? '';
  $('#ward-effective').textContent = fill(t.effective, p.effectiveRatioPercent);
  $('#police-verify').checked = p.chain.policeVerify;
  $('#police-stamp').checked = p.chain.policeStamp;
}

function state(p, now) {
  if (p.closedAt) return fill(t.closed, dateTime(p.closedAt));
  if (new Date(p.endsAt) <= now) return t.ended;
  return new Date(p.startsAt) <= now ? t.current : t.upcoming;
}

async function loadPeriods() {
  const result = await api('periods');
  const body = $('#periods tbody');
  if (!result.ok) return body.replaceChildren(el('tr', {}, el('td', { colspan: 6, text: problemText(result, t) })));
  periods = result.data.items;
  const now = new Date();
  body.replaceChildren(...(periods.length ? periods.map((p) => el('tr', { 'data-id': p.id },
    el('td', { text: p.label }), el('td', { text: p.cityCode ?? t.everyCity }), el('td', { text: dateTime(p.startsAt) }),
    el('td', { text: dateTime(p.endsAt) }), el('td', { text: state(p, now) }),
    el('td', {}, p.closedAt ? null : el('button', {
      type: 'button', text: t.rollover, 'aria-label': fill(t.rolloverOne, p.label), onclick: () => openRollover(p),
    })),
  )) : [el('tr', {}, el('td', { colspan: 6, text: t.none }))]));
}

function openRollover(p) {
  rolling = p;
  const later = periods.filter((q) => q.id !== p.id && q.cityCode === p.cityCode && new Date(q.startsAt) >= new Date(p.endsAt));
  $('#rollover-from').textContent = `${p.label}: ${dateTime(p.startsAt)} – ${dateTime(p.endsAt)}`;
  $('#rollover-to').replaceChildren(...later.map((q) => el('option', { value: q.id, text: `${q.label}: ${dateTime(q.startsAt)} – ${dateTime(q.endsAt)}` })));
  $('#rollover-error').textContent = later.length ? '' : t.noLater;
  $('#rollover-error').hidden = later.length > 0;
  $('#rollover-dialog').showModal();
}

$('#city-choice')?.addEventListener('submit', (e) => { e.preventDefault(); loadCity(); });
$('#ward').addEventListener('change', loadWard);
$('#city-policy').addEventListener('submit', async (event) => {
  event.preventDefault();
  const ratio = $('#city-ratio').value.trim();
  const result = await api(`cities/${encodeURIComponent(city())}/policy`, { method: 'PUT', json: { defaultRatioPercent: ratio === '' ? null : Number(ratio) } });
  if (!result.ok) return failed(result);
  done(fill(t.citySaved, result.data.defaultRatioPercent));
  await loadWard();
});
$('#ward-policy').addEventListener('submit', async (event) => {
  event.preventDefault();
  const code = $('#ward').value;
  const ratio = $('#ward-ratio').value.trim();
  const json = { defaultRatioPercent: ratio === '' ? null : Number(ratio), chain: { policeVerify: $('#police-verify').checked, policeStamp: $('#police-stamp').checked } };
  const result = await api(`wards/${encodeURIComponent(code)}/policy`, { method: 'PUT', json });
  if (!result.ok) return failed(result);
  done(fill(t.wardSaved, wardNames.get(code) ?? code));
  await loadWard();
});
$('#create-period').addEventListener('submit', async (event) => {
  event.preventDefault();
  const startsAt = vietnamDay($('#p-start').value);
  const endsAt = vietnamDay($('#p-end').value, 1); // through the end of the last day
  if (!startsAt || !endsAt) return failed(null, [t.badDate]);
  const json = { label: $('#p-label').value.trim(), startsAt, endsAt };
  if ($('#p-city')?.value.trim()) json.cityCode = $('#p-city').value.trim();
  const result = await api('periods', { method: 'POST', json, headers: { 'Idempotency-Key': idempotencyKey() } });
  if (!result.ok) return failed(result);
  done(fill(t.created, result.data.label));
  $('#create-period').reset();
  await loadPeriods();
});
$('#rollover-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const toPeriodId = $('#rollover-to').value;
  if (!toPeriodId) return;
  const result = await api(`periods/${rolling.id}/rollover`, { method: 'POST', json: { toPeriodId } });
  if (!result.ok) {
    $('#rollover-error').textContent = [problemText(result, t), ...fieldErrors(result)].join(' ');
    $('#rollover-error').hidden = false;
    return;
  }
  $('#rollover-dialog').close();
  const to = periods.find((q) => q.id === toPeriodId);
  done(fill(t.rolledOver, number(result.data.carried), number(result.data.enterprises), to?.label ?? ''));
  await loadPeriods();
});
document.querySelectorAll('dialog .cancel').forEach((b) => b.addEventListener('click', () => b.closest('dialog').close()));

await Promise.all([loadCity(), loadPeriods()]);
