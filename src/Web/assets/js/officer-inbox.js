import { api, problemText } from './api.js';
import { $, badge, el, texts } from './dom.js';
import { dateTime, fill, number } from './format.js';

const t = texts();

/** Enterprise names, one call per enterprise of the page. */
async function names(requests) {
  const ids = [...new Set(requests.map((r) => r.enterpriseId).filter(Boolean))];
  const answers = await Promise.all(ids.map((id) => api(`enterprises/${id}`)));
  return new Map(answers.filter((a) => a.ok).map((a) => [a.data.id, a.data.name]));
}

async function load() {
  const body = $('#inbox tbody');
  const result = await api('requests?limit=200');
  if (!result.ok) return body.replaceChildren(el('tr', {}, el('td', { colspan: 6, text: problemText(result, t) })));
  const named = await names(result.data.items);
  body.replaceChildren(...(result.data.items.length ? result.data.items.map((r) => {
    const name = named.get(r.enterpriseId) ?? '';
    return el('tr', {},
      el('td', { text: dateTime(r.submittedAt) }), el('td', { text: name }), el('td', { text: t[`kind.${r.kind}`] ?? r.kind }),
      el('td', { class: 'num', text: number(r.entryCount) }), el('td', {}, badge(r.status, t)),
      el('td', {}, el('a', { href: `/inbox/${r.id}`, text: t.open, 'aria-label': fill(t.openOne, name) })));
  }) : [el('tr', {}, el('td', { colspan: 6, text: t.none }))]));
}

load();
