import { api, fieldErrors, idempotencyKey, problemText } from './api.js';
import { $, el, say, texts } from './dom.js';

const t = texts();
const form = $('#create');
const roleNames = new Map([...$('#role-names').content.querySelectorAll('[data-role]')].map((n) => [n.dataset.role, n.textContent]));

async function load() {
  const body = $('#users tbody');
  const result = await api('users?limit=500');
  if (!result.ok) return body.replaceChildren(el('tr', {}, el('td', { colspan: 4, text: problemText(result, t) })));
  body.replaceChildren(...result.data.items.map((u) => el('tr', {},
    el('td', { text: u.email }), el('td', { text: u.fullName }), el('td', { text: roleNames.get(u.role) ?? u.role }),
    el('td', { text: u.cityCode ?? u.wardCode ?? u.enterpriseId ?? '' }))));
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = Object.fromEntries([...new FormData(form)].map(([key, value]) => [key, String(value).trim() || null]));
  const result = await api('users', { method: 'POST', json: data, headers: { 'Idempotency-Key': idempotencyKey() } });
  if (!result.ok) {
    say($('#done'), '');
    say($('#failed'), problemText(result, t), fieldErrors(result));
    $('#failed').focus();
    return;
  }
  say($('#failed'), '');
  say($('#done'), t.created.replace('{0}', result.data.email));
  form.reset();
  await load();
});

load();
