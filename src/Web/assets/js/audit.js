import { api, fieldErrors, problemText } from './api.js';
import { $, el, say, texts } from './dom.js';
import { dateTime, fill, number } from './format.js';

const t = texts();
let next = null;
let shown = 0;

const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A line's details (the JSON the change wrote) as `key: value` pairs: instants in +07:00, the rest as written. */
function details(value) {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  const shown = (v) => {
    if (typeof v === 'string' && instant.test(v)) return dateTime(v);
    return typeof v === 'object' && v !== null ? JSON.stringify(v) : v;
  };
  return Object.entries(value).map(([key, v]) => `${key}: ${shown(v)}`).join(' · ');
}

const row = (a) => el('tr', {},
  el('td', { text: dateTime(a.at) }), el('td', { text: a.actor }), el('td', {}, el('code', {}, a.action.split('.').flatMap((part, i) => (i ? [el('wbr'), `.${part}`] : [part])))),
  el('td', { text: t[`type.${a.entityType}`] ?? a.entityType }), el('td', { class: 'id', text: a.entityId }),
  el('td', { class: 'details', text: details(a.details) }));

async function load(more = false) {
  const query = new URLSearchParams({ limit: '50' });
  for (const [key, value] of new FormData($('#filters'))) {
    if (String(value).trim()) query.set(key, String(value).trim());
  }
  if (more && next) query.set('cursor', next);
  const body = $('#audit tbody');
  const result = await api(`audit?${query}`);
  if (!result.ok) {
    say($('#failed'), problemText(result, t), fieldErrors(result));
    return;
  }
  say($('#failed'), '');
  next = result.data.nextCursor;
  const rows = result.data.items.map(row);
  if (more) body.append(...rows);
  else body.replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', { colspan: 6, text: t.none }))]));
  $('#more').hidden = !next;
  shown = more ? shown + rows.length : rows.length;
  $('#shown').textContent = fill(t.shown, number(shown));
}

$('#filters').addEventListener('submit', (e) => { e.preventDefault(); load(); });
$('#more').addEventListener('click', () => load(true));

load();
