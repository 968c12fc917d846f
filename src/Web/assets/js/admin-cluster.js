// The Orleans cluster (GET /api/v1/admin/cluster): its silos with their figures, and the activations of each grain class.
import { api, problemText } from './api.js';
import { $, el, say, texts } from './dom.js';
import { dateTime, fill, number } from './format.js';

const t = texts();
const badges = { active: 's-approved', dead: 's-rejected' };
const megabytes = (bytes) => (bytes == null ? '' : fill(t.megabytes, number(Math.round(bytes / 1048576))));

const siloRow = (s) => el('tr', { 'data-address': s.address },
  el('td', { class: 'details' }, el('strong', { text: s.name }), el('br'), el('span', { class: 'muted', text: `${s.hostName} · ${s.address}` })),
  el('td', {}, el('span', { class: `badge ${badges[s.status] ?? 's-pending'}`, text: t[`silo.${s.status}`] ?? s.status })),
  el('td', { text: dateTime(s.startedAt) }),
  el('td', { text: s.aliveAt ? dateTime(s.aliveAt) : '' }),
  el('td', { class: 'num', text: s.activations == null ? '' : number(s.activations) }),
  el('td', { class: 'num', text: s.cpuUsage == null ? '' : `${number(Math.round(s.cpuUsage))} %` }),
  el('td', { class: 'num', text: megabytes(s.memoryUsage) }),
  el('td', { class: 'num', text: s.receivedMessages == null ? '' : fill(t.messages, number(s.receivedMessages), number(s.sentMessages)) }));

const grainRow = (g, names) => el('tr', {},
  el('td', { text: g.type }),
  el('td', { class: 'num', text: number(g.activations) }),
  el('td', { class: 'details', text: Object.entries(g.bySilo).map(([address, n]) => `${names.get(address) ?? address}: ${number(n)}`).join(', ') }));

const empty = (columns) => [el('tr', {}, el('td', { colspan: columns, text: t.none }))];

async function load() {
  $('#silos').setAttribute('aria-busy', 'true');
  const result = await api('admin/cluster');
  $('#silos').removeAttribute('aria-busy');
  if (!result.ok) {
    say($('#failed'), problemText(result, t));
    return;
  }
  say($('#failed'), '');
  const { at, silos, grains } = result.data;
  const names = new Map(silos.map((s) => [s.address, s.name]));
  $('#silos tbody').replaceChildren(...(silos.length ? silos.map(siloRow) : empty(8)));
  $('#grains tbody').replaceChildren(...(grains.length ? grains.map((g) => grainRow(g, names)) : empty(3)));
  $('#at').textContent = fill(t.asOf, dateTime(at));
}

$('#refresh').addEventListener('click', () => load());

await load();
