import { api, problemText } from './api.js';
import { $, el, say, texts } from './dom.js';
import { dateTime, fill, number } from './format.js';

const t = texts();

async function load() {
  const body = $('#stamps tbody');
  $('#stamps-all').checked = false;
  const result = await api('permits/awaiting-stamp?limit=500');
  if (!result.ok) return body.replaceChildren(el('tr', {}, el('td', { colspan: 6, text: problemText(result, t) })));
  body.replaceChildren(...(result.data.items.length ? result.data.items.map((p) => el('tr', {},
    el('td', {}, el('input', { type: 'checkbox', value: p.id, 'aria-label': fill(t.select, p.holder.fullName) })),
    el('td', { text: p.holder.fullName }), el('td', { text: p.holder.idNumber }), el('td', { text: p.enterpriseName ?? '' }),
    el('td', { text: dateTime(p.issuedAt) }),
    el('td', {}, el('button', { type: 'button', text: t.stamp, 'aria-label': fill(t.stampOne, p.holder.fullName), onclick: () => stamp([p.id]) })),
  )) : [el('tr', {}, el('td', { colspan: 6, text: t.none }))]));
}

/** One call per permit (the API stamps one at a time), stopping at the first refusal. */
async function stamp(ids) {
  if (!ids.length) return say($('#failed'), t.selectFirst);
  let count = 0;
  for (const id of ids) {
    const result = await api(`permits/${id}/stamp`, { method: 'POST' });
    if (!result.ok) {
      say($('#failed'), problemText(result, t));
      break;
    }
    count += 1;
  }
  if (count) say($('#done'), fill(t.stamped, number(count)));
  await load();
}

$('#stamps-all').addEventListener('change', (e) => document.querySelectorAll('#stamps tbody input[type=checkbox]').forEach((box) => { box.checked = e.target.checked; }));
$('#stamp-selected').addEventListener('click', () => stamp([...document.querySelectorAll('#stamps tbody input:checked')].map((box) => box.value)));

load();
