import { api, fieldErrors, idempotencyKey, problemText } from './api.js';
import { $, badge, el, say, texts } from './dom.js';
import { dateTime, fill, number } from './format.js';

const t = texts();
const form = $('#upload');
const enterpriseId = form.dataset.enterprise;

async function loadRequests() {
  const body = $('#requests tbody');
  const result = await api('requests?limit=100');
  if (!result.ok) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: 6, text: problemText(result, t) })));
    return;
  }
  const rows = [...result.data.items].reverse(); // newest first
  body.replaceChildren(...(rows.length ? rows.map((r) => el('tr', {},
    el('td', { text: dateTime(r.submittedAt) }),
    el('td', { text: t[`kind.${r.kind}`] ?? r.kind }),
    el('td', { class: 'num', text: number(r.entryCount) }),
    el('td', {}, badge(r.status, t)),
    el('td', { text: r.rejectionReason ?? '' }),
    el('td', { text: r.fileName ?? '' }),
  )) : [el('tr', {}, el('td', { colspan: 6, text: t.none }))]));
}

function showRowErrors(rowErrors) {
  const table = el('table', { id: 'row-error-table' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', class: 'num', text: t.row }), el('th', { scope: 'col', text: t.column }), el('th', { scope: 'col', text: t.message }))),
    el('tbody', {}, rowErrors.map((e) => el('tr', {},
      el('td', { class: 'num', text: e.row }), el('td', { text: e.columnName ?? e.column }), el('td', { text: e.message })))));
  $('#row-errors').replaceChildren(el('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': t.rowErrorsTable }, table));
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const error = $('#upload-error');
  say($('#upload-done'), '');
  say(error, '');
  $('#row-errors').replaceChildren();
  const file = $('#file').files[0];
  if (!file) {
    say(error, t.chooseFile);
    error.focus();
    return;
  }
  const data = new FormData(form);
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  const result = await api(`enterprises/${enterpriseId}/requests`, { method: 'POST', form: data, headers: { 'Idempotency-Key': idempotencyKey() } });
  button.disabled = false;
  if (result.ok) {
    say($('#upload-done'), fill(t.sent, number(result.data.entries?.length ?? result.data.entryCount ?? 0)));
    form.reset();
    await loadRequests();
    return;
  }
  if (result.status === 422 && Array.isArray(result.data?.rowErrors)) {
    say(error, fill(t.rowErrors, number(result.data.rowErrors.length)));
    showRowErrors(result.data.rowErrors);
  } else {
    say(error, problemText(result, t), fieldErrors(result));
  }
  error.focus();
});

loadRequests();
