// The signing keys as GET /api/v1/verify/keys publishes them (in order of creation, with their dates), and their
// rotation (POST /api/v1/admin/keys/rotate) after a confirmation.
import { api, problemText } from './api.js';
import { $, el, say, texts } from './dom.js';
import { dateTime, fill } from './format.js';

const t = texts();

async function load(fresh) {
  const result = await api('verify/keys');
  const body = $('#keys tbody');
  if (!result.ok) return body.replaceChildren(el('tr', {}, el('td', { colspan: 5, text: problemText(result, t) })));
  const keys = result.data.keys;
  body.replaceChildren(...(keys.length ? keys.map((k, i) => el('tr', { 'data-kid': k.kid, class: k.kid === fresh ? 'selected' : null },
    el('td', { class: 'num', text: String(i + 1) }),
    el('td', { class: 'id', text: k.kid }),
    el('td', {}, el('span', { class: `badge ${k.retired ? 's-expired' : 's-active'}`, text: k.retired ? t.retired : t.current })),
    el('td', { text: dateTime(k.createdAt) }),
    el('td', { text: k.retiredAt ? dateTime(k.retiredAt) : '' }),
  )) : [el('tr', {}, el('td', { colspan: 5, text: t.none }))]));
}

$('#rotate').addEventListener('click', () => $('#rotate-dialog').showModal());
$('#rotate-dialog .cancel').addEventListener('click', () => $('#rotate-dialog').close());
$('#rotate-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('#rotate-dialog').close();
  const result = await api('admin/keys/rotate', { method: 'POST' });
  if (!result.ok) {
    say($('#done'), '');
    say($('#failed'), problemText(result, t));
    $('#failed').focus();
    return;
  }
  say($('#failed'), '');
  say($('#done'), fill(t.rotated, result.data.kid));
  await load(result.data.kid);
});

await load();
