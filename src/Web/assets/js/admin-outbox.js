// The email outbox (GET /api/v1/admin/outbox?status=&cursor=), filtered by status, a page at a time.
import { api, problemText } from './api.js';
import { $, el, say, texts } from './dom.js';
import { dateTime, fill, number } from './format.js';

const t = texts();
const badges = { pending: 's-pending', sent: 's-approved', failed: 's-rejected' };
let cursor = null;

const row = (m) => el('tr', { 'data-id': m.id },
  el('td', { class: 'details', text: m.to }),
  el('td', { class: 'details', text: m.subject }),
  el('td', {}, el('span', { class: `badge ${badges[m.status] ?? ''}`, text: t[`status.${m.status}`] ?? m.status })),
  el('td', { class: 'num', text: number(m.attempts) }),
  el('td', { text: dateTime(m.createdAt) }),
  el('td', { text: m.sentAt ? dateTime(m.sentAt) : m.status === 'pending' ? fill(t.next, dateTime(m.nextAttemptAt)) : '' }),
  el('td', { class: 'details', text: m.lastError ?? '' }));

async function load(more = false) {
  const query = new URLSearchParams({ limit: '50' });
  const status = $('#status').value;
  if (status) query.set('status', status);
  if (more && cursor) query.set('cursor', cursor);
  $('#outbox').setAttribute('aria-busy', 'true');
  const result = await api(`admin/outbox?${query}`);
  $('#outbox').removeAttribute('aria-busy');
  const body = $('#outbox tbody');
  if (!result.ok) {
    say($('#failed'), problemText(result, t));
    return;
  }
  say($('#failed'), '');
  const rows = result.data.items.map(row);
  if (more) body.append(...rows);
  else body.replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', { colspan: 7, text: t.none }))]));
  cursor = result.data.nextCursor ?? null;
  $('#more').hidden = !cursor;
}

$('#filter').addEventListener('submit', (event) => { event.preventDefault(); load(); });
$('#more').addEventListener('click', () => load(true));

await load();
