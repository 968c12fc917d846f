import { api, latestOnly, problemText } from './api.js';
import { bars } from './bars.js';
import { $, el, say, texts } from './dom.js';
import { dateTime, fill, number } from './format.js';
import { condition } from './ward-level.js';

const t = texts();
const screen = $('#screen').dataset;
const names = { wards: new Map(), enterprises: new Map() };
const conditions = new Map(); // a ward's code -> { level, lockdown } in force, from the list of wards

/** The city whose wards the filter offers: the approver's own, or the one the admin typed. */
const city = () => ($('#city') ? $('#city').value.trim() : screen.city) || '';

// A filter changed again before its choices came: only the latest choices are shown.
const wardsOfCity = latestOnly();
const enterprisesOfWard = latestOnly();

/** The city's wards: names for the scope line, and the choices of the filter (approver, admin). */
async function loadWards() {
  const select = $('#ward');
  const code = city();
  const result = await wardsOfCity(code ? api(`wards?cityCode=${encodeURIComponent(code)}`) : Promise.resolve({ ok: true, data: [] }));
  if (!result) return;
  const wards = result.ok ? result.data : [];
  wards.forEach((w) => { names.wards.set(w.code, w.name); conditions.set(w.code, w); });
  select?.replaceChildren(select.options[0], ...wards.map((w) => el('option', { value: w.code, text: `${w.name} (${w.districtName})` })));
}

async function loadEnterprises() {
  const select = $('#enterprise');
  const query = new URLSearchParams({ limit: '500' });
  const ward = $('#ward')?.value;
  if (ward) query.set('wardCode', ward);
  const result = await enterprisesOfWard(api(`enterprises?${query}`));
  if (!result) return;
  const items = result.ok ? result.data.items.filter((e) => !city() || e.cityCode === city()) : [];
  items.forEach((e) => names.enterprises.set(e.id, e.name));
  const chosen = select.value;
  select.replaceChildren(select.options[0], ...items.map((e) => el('option', { value: e.id, text: e.name, selected: e.id === chosen })));
}

function scopeText(scope) {
  const parts = [];
  if (scope.cityCode) parts.push(fill(t['scope.city'], scope.cityCode));
  if (scope.wardCode) parts.push(fill(t['scope.ward'], names.wards.get(scope.wardCode) ?? scope.wardCode));
  if (scope.enterpriseId) parts.push(fill(t['scope.enterprise'], names.enterprises.get(scope.enterpriseId) ?? scope.enterpriseId));
  return fill(t.scope, parts.length ? parts.join(' · ') : t['scope.all']);
}

/** The figures of the scope the filters name. */
function figures() {
  const query = new URLSearchParams();
  for (const [key, value] of new FormData($('#filters'))) {
    if (String(value).trim()) query.set(key, String(value).trim());
  }
  return api(`stats?${query}`);
}

/** Draws the figures (asked now, or already asked); the names of the scope line come from the lists. */
async function load(asked = figures()) {
  const result = await asked;
  if (!result.ok) return say($('#failed'), problemText(result, t));
  say($('#failed'), '');
  const s = result.data;
  const ward = s.scope.wardCode && conditions.get(s.scope.wardCode);
  $('#scope').replaceChildren(scopeText(s.scope), ...(ward ? [' ', condition(ward, t)] : []));
  $('#n-enterprises').textContent = number(s.enterprises.total);
  $('#n-requests').textContent = number(s.requests.total);
  $('#n-permits').textContent = number(s.permits.total);
  $('#n-places').textContent = `${number(s.places.taken)} / ${number(s.places.quota)}`;
  $('#places-meter').style.width = `${s.places.quota > 0 ? Math.min(100, (100 * s.places.taken) / s.places.quota) : 0}%`;
  $('#places-text').textContent = `${t['places.taken']} ${number(s.places.taken)} · ${t['places.quota']} ${number(s.places.quota)} · ${t['places.remaining']} ${number(s.places.remaining)}`;
  bars($('#permits'), s.permits, (status) => t[`permit.status.${status}`] ?? status);
  bars($('#enterprises'), s.enterprises, (status) => t[`enterprise.status.${status}`] ?? status);
  bars($('#requests'), s.requests, (status) => t[`request.status.${status}`] ?? status);
  bars($('#applications'), s.applications, (status) => t[`request.status.${status}`] ?? status);
  const period = s.currentPeriod;
  $('#period').textContent = period ? fill(t.period, period.label, dateTime(period.startsAt), dateTime(period.endsAt)) : t.noPeriod;
  $('#period-issued').textContent = period ? fill(t['period.issued'], number(period.issued)) : '';
  if (period) bars($('#period-permits'), period.permits, (status) => t[`permit.status.${status}`] ?? status);
  else $('#period-permits').replaceChildren();
  $('#as-of').textContent = fill(t.asOf, dateTime(s.at));
}

$('#filters').addEventListener('submit', (e) => { e.preventDefault(); load(); });
$('#city')?.addEventListener('change', async () => { await loadWards(); await loadEnterprises(); });
$('#ward')?.addEventListener('change', loadEnterprises);

// At first the three reads go out together (the filters are still at "all", so none depends on
// another's answer); the figures are drawn once the wards' and enterprises' names are known.
const first = figures();
await Promise.all([loadWards(), loadEnterprises()]);
await load(first);
