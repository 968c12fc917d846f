import { api, fieldErrors, idempotencyKey, problemText } from './api.js';
import { $, badge, done, el, say, texts } from './dom.js';
import { clearFieldErrors, showFieldErrors } from './field-errors.js';
import { date, dateTime, fill } from './format.js';

const t = texts();
const screen = $('#screen').dataset;
const decides = screen.role === 'approver' || screen.role === 'ward-officer';
const failed = (result) => { say($('#done'), ''); say($('#failed'), problemText(result, t), fieldErrors(result)); $('#failed').focus(); };
let current = null; // the application the reject dialog acts on
let cursor = null; // the next page of the list by status

/** An application awaits a decision once verified, or at once where the ward's chain has no verification. */
const awaitsDecision = (a) => a.status === 'verified' || (a.status === 'submitted' && !a.requiresVerification);

function actions(a) {
  if (!decides || !awaitsDecision(a)) return null;
  return el('div', { class: 'row-actions' },
    el('button', { type: 'button', class: 'primary', text: t.approve, 'aria-label': fill(t.approveOne, a.fullName), onclick: () => approve(a) }),
    el('button', { type: 'button', class: 'danger', text: t.reject, 'aria-label': fill(t.rejectOne, a.fullName), onclick: () => openReject(a) }));
}

/** An application's row; its decision buttons in the list of what awaits the caller only (one button per action on the page). */
function row(a, decide = false) {
  return el('tr', { 'data-id': a.id },
    el('td', {}, el('div', { text: a.fullName }), el('div', { class: 'muted', text: a.idNumber }),
      el('div', { class: 'muted', text: fill(t.born, date(a.dateOfBirth)) })),
    el('td', { class: 'details' }, el('div', { text: a.reason ?? '' }), el('div', { class: 'muted', text: a.destination ?? '' })),
    el('td', { text: dateTime(a.submittedAt) }),
    el('td', {}, badge(a.status, t), a.rejectionReason ? el('div', { class: 'muted', text: a.rejectionReason }) : null,
      a.permitId ? el('div', { class: 'muted', text: t.permit }) : null),
    decide ? el('td', {}, actions(a)) : null);
}

const empty = (columns) => el('tr', {}, el('td', { colspan: columns, text: t.none }));

async function loadAwaiting() {
  const result = await api('applications?limit=200');
  const body = $('#awaiting tbody');
  if (!result.ok) return body.replaceChildren(el('tr', {}, el('td', { colspan: 5, text: problemText(result, t) })));
  body.replaceChildren(...(result.data.items.length ? result.data.items.map((a) => row(a, true)) : [empty(5)]));
}

async function loadByStatus(more = false) {
  const query = new URLSearchParams({ limit: '50' });
  for (const [key, value] of new FormData($('#filter'))) {
    if (String(value)) query.set(key, String(value));
  }
  if (more && cursor) query.set('cursor', cursor);
  const result = await api(`applications?${query}`);
  const body = $('#by-status tbody');
  if (!result.ok) return body.replaceChildren(el('tr', {}, el('td', { colspan: 4, text: problemText(result, t) })));
  const rows = result.data.items.map((a) => row(a));
  if (more) body.append(...rows);
  else body.replaceChildren(...(rows.length ? rows : [empty(4)]));
  cursor = result.data.nextCursor ?? null;
  $('#more').hidden = !cursor;
}

const reload = () => Promise.all([loadAwaiting(), loadByStatus()]);

async function approve(a) {
  const result = await api(`applications/${a.id}/approve`, { method: 'POST' });
  if (!result.ok) return failed(result);
  done(fill(t.approved, a.fullName));
  await reload();
}

function openReject(a) {
  current = a;
  $('#reject-name').textContent = a.fullName;
  $('#reject-error').hidden = true;
  $('#reject-form').reset();
  $('#reject-dialog').showModal();
}

$('#reject-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const error = $('#reject-error');
  const reason = $('#reject-reason').value.trim();
  if (!reason) {
    error.textContent = t.reasonRequired;
    error.hidden = false;
    return;
  }
  const result = await api(`applications/${current.id}/reject`, { method: 'POST', json: { reason } });
  if (!result.ok) {
    error.textContent = [problemText(result, t), ...fieldErrors(result)].join(' ');
    error.hidden = false;
    return;
  }
  $('#reject-dialog').close();
  done(fill(t.rejected, current.fullName));
  await reload();
});
document.querySelectorAll('dialog .cancel').forEach((b) => b.addEventListener('click', () => b.closest('dialog').close()));

const apply = $('#apply');
apply?.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFieldErrors(apply);
  const data = Object.fromEntries([...new FormData(apply)].map(([key, value]) => [key, String(value).trim()]));
  for (const optional of ['gender', 'phone']) {
    if (data[optional] === '') data[optional] = null;
  }
  data.wardCode = screen.ward;
  const result = await api('applications', { method: 'POST', json: data, headers: { 'Idempotency-Key': idempotencyKey() } });
  if (!result.ok) {
    if (result.status === 400 && result.data?.errors) {
      const rest = showFieldErrors(apply, result.data.errors);
      say($('#done'), '');
      say($('#failed'), t.fix, rest);
      return;
    }
    return failed(result);
  }
  done(fill(t.entered, result.data.fullName));
  apply.reset();
  await reload();
});

async function loadWards() {
  const select = $('#ward');
  if (!select || !screen.city) return;
  const result = await api(`wards?cityCode=${encodeURIComponent(screen.city)}`);
  if (result.ok) select.append(...result.data.map((w) => el('option', { value: w.code, text: w.name })));
}

$('#filter').addEventListener('submit', (event) => { event.preventDefault(); loadByStatus(); });
$('#more').addEventListener('click', () => loadByStatus(true));

await loadWards();
await reload();
