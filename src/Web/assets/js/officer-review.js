import { api, fieldErrors, problemText } from './api.js';
import { $, badge, done, el, say, texts } from './dom.js';
import { date, dateTime, fill, number } from './format.js';

const t = texts();
const { request: id, role } = $('#screen').dataset;
const failed = (result) => { say($('#failed'), problemText(result, t), fieldErrors(result)); $('#failed').focus(); };
const boxes = () => [...document.querySelectorAll('#entries tbody input[type=checkbox]')];
let request;

async function load() {
  const result = await api(`requests/${id}`);
  if (!result.ok) return failed(result);
  request = result.data;
  const enterprise = request.enterpriseId ? await api(`enterprises/${request.enterpriseId}`) : null;
  const name = enterprise?.ok ? enterprise.data.name : '';
  $('#title').textContent = name || $('#title').textContent;
  $('#summary').replaceChildren(`${t[`kind.${request.kind}`] ?? request.kind} · ${dateTime(request.submittedAt)} · ${number(request.entryCount)} · `, badge(request.status, t));
  if (enterprise?.ok) {
    const e = enterprise.data;
    $('#quota').textContent = fill(t.quota, number(e.quota), number(e.activePermits), number(e.remaining));
  }
  $('#file').href = `/api/v1/requests/${id}/file`;
  $('#entries tbody').replaceChildren(...request.entries.map((entry) => el('tr', {},
    el('td', {}, el('input', { type: 'checkbox', value: entry.id, checked: true, 'aria-label': fill(t.select, entry.fullName) })),
    el('td', { class: 'num', text: entry.row }), el('td', { text: entry.fullName }), el('td', { text: entry.idNumber }),
    el('td', { text: date(entry.dateOfBirth) }), el('td', { text: entry.position ?? '' }))));
  const canVerify = role === 'area-police' && request.status === 'submitted' && request.requiresVerification;
  const canDecide = ['ward-officer', 'approver'].includes(role)
    && (request.status === 'verified' || (request.status === 'submitted' && !request.requiresVerification));
  $('#verify-actions').hidden = !canVerify;
  $('#approve-actions').hidden = !canDecide;
  $('#decide').hidden = !(canVerify || canDecide);
}

async function act(path, body, message) {
  const result = await api(`requests/${id}/${path}`, { method: 'POST', json: body });
  if (!result.ok) return failed(result);
  done(message);
  await load();
}

$('#entries-all').addEventListener('change', (e) => boxes().forEach((box) => { box.checked = e.target.checked; }));
$('#verify').addEventListener('click', () => act('verify', {}, t.verified));
$('#approve').addEventListener('click', () => {
  const chosen = boxes().filter((box) => box.checked).map((box) => box.value);
  if (!chosen.length) return say($('#failed'), t.selectFirst);
  const body = chosen.length === boxes().length ? {} : { entryIds: chosen };
  const raise = $('#raise').value.trim();
  if (raise) body.quota = { quota: Number(raise) };
  return act('approve', body, t.approved);
});
$('#reject').addEventListener('click', () => {
  const reason = $('#reason').value.trim();
  if (!reason) return say($('#failed'), t.reasonRequired);
  return act('reject', { reason }, t.rejected);
});

load();
