import { api, problemText } from './api.js';
import { $, done, el, say, texts } from './dom.js';
import { dateTime, fill, vietnamInstant } from './format.js';
import { condition } from './ward-level.js';

const t = texts();
const screen = $('#screen').dataset;
const failed = (message, items = []) => { say($('#done'), ''); say($('#failed'), message, items); $('#failed').focus(); };
const city = () => ($('#city') ? $('#city').value.trim() : screen.city) || '';
const message = (columns, text) => [el('tr', {}, el('td', { colspan: columns, text }))];
// The fields of PUT wards/{code}/level, each with its error beside it (#<field>-error).
const fields = { level: 'input[name=level]', lockdown: '#lockdown', reason: '#reason', effectiveAt: '#effectiveAt' };
let ward = null; // the ward whose panel is open
let cursor = null; // the next page of its history

async function loadWards() {
  const body = $('#wards tbody');
  const code = city();
  if (!code) return body.replaceChildren(...message(2, t.chooseCity));
  const query = new URLSearchParams({ cityCode: code });
  if ($('#level-filter').value) query.set('level', $('#level-filter').value);
  const result = await api(`wards?${query}`);
  if (!result.ok) return body.replaceChildren(...message(2, problemText(result, t)));
  body.replaceChildren(...(result.data.length ? result.data.map((w) => el('tr', { 'data-code': w.code, class: w.code === ward?.code ? 'selected' : null },
    // The ward's name opens its decisions: two columns, which fit a phone.
    el('td', {}, el('button', { type: 'button', class: 'link', text: w.name, 'aria-label': fill(t.adjustOne, w.name), onclick: () => open(w) }),
      el('div', { class: 'muted', text: w.districtName })),
    el('td', {}, condition(w, t)),
  )) : message(2, t.none)));
}

async function open(w) {
  ward = w;
  document.querySelectorAll('#wards tr.selected').forEach((row) => row.classList.remove('selected'));
  document.querySelector(`#wards tr[data-code="${w.code}"]`)?.classList.add('selected');
  $('#ward-title').textContent = fill(t.wardTitle, w.name, w.districtName);
  $('#level-form').reset();
  showErrors({});
  say($('#failed'), ''); // a refusal of another ward's decision
  $('#ward-panel').hidden = false;
  await loadHistory(false);
  $('#ward-title').focus();
}

function state(d) {
  if (d.inForce) return 'inForce';
  return new Date(d.since) > new Date() ? 'scheduled' : 'superseded';
}

/** The level in force, the form set to it, and the first page of decisions (or the next one, `more`). */
async function loadHistory(more) {
  const code = ward.code;
  const query = new URLSearchParams({ limit: '20' });
  if (more && cursor) query.set('cursor', cursor);
  const result = await api(`wards/${encodeURIComponent(code)}/levels?${query}`);
  if (ward?.code !== code) return; // another ward was opened meanwhile
  const body = $('#history tbody');
  if (!result.ok) return body.replaceChildren(...message(6, problemText(result, t)));
  const h = result.data;
  if (!more) {
    $('#ward-now').replaceChildren(condition(h, t), ' ', h.since ? fill(t.inForceSince, dateTime(h.since)) : t.neverAssessed,
      h.reason ? ` · ${h.reason}` : '');
    $(`#level-${h.level}`).checked = true;
    $('#lockdown').checked = h.lockdown;
    body.replaceChildren();
  }
  body.append(...h.items.map((d) => el('tr', { 'data-id': d.id, 'data-state': state(d) },
    el('td', { text: dateTime(d.since) }), el('td', {}, condition(d, t)), el('td', { class: 'details', text: d.reason }),
    el('td', { text: d.setBy }), el('td', { text: dateTime(d.setAt) }),
    el('td', {}, el('span', { class: `badge d-${state(d)}`, text: t[`state.${state(d)}`] })),
  )));
  if (!body.children.length) body.replaceChildren(...message(6, t.none));
  cursor = h.nextCursor;
  $('#history-more').hidden = !cursor;
}

/** The API's messages beside their fields; returns those of no field of the form. */
function showErrors(errors) {
  for (const [key, selector] of Object.entries(fields)) {
    const messages = errors[key] ?? [];
    $(`#${key}-error`).textContent = messages.join(' ');
    $(`#${key}-error`).hidden = messages.length === 0;
    document.querySelectorAll(selector).forEach((input) => (messages.length
      ? input.setAttribute('aria-invalid', 'true') : input.removeAttribute('aria-invalid')));
  }
  return Object.entries(errors).filter(([key]) => !(key in fields)).flatMap(([, messages]) => messages);
}

$('#level-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const chosen = document.querySelector('input[name=level]:checked');
  // The reason goes as typed: the API folds its white space and says when it is missing.
  const json = { level: chosen ? Number(chosen.value) : null, lockdown: $('#lockdown').checked, reason: $('#reason').value };
  const typed = $('#effectiveAt').value.trim();
  if (typed) {
    json.effectiveAt = vietnamInstant(typed);
    if (!json.effectiveAt) {
      showErrors({ effectiveAt: [t.badInstant] });
      return $('#effectiveAt').focus();
    }
  }
  const w = ward;
  const result = await api(`wards/${encodeURIComponent(w.code)}/level`, { method: 'PUT', json });
  if (!result.ok) {
    const errors = result.data?.errors;
    const elsewhere = showErrors(errors && typeof errors === 'object' && !Array.isArray(errors) ? errors : {});
    const first = Object.keys(fields).find((key) => !$(`#${key}-error`).hidden);
    if (!first) return failed(problemText(result, t), elsewhere);
    say($('#done'), '');
    say($('#failed'), problemText(result, t), elsewhere);
    return $(fields[first]).focus();
  }
  showErrors({});
  const d = result.data;
  done(fill(d.inForce ? t.saved : t.scheduledSaved, w.name, t[`level.${d.level}`], d.lockdown ? t.withLockdown : '', dateTime(d.since)));
  $('#reason').value = '';
  $('#effectiveAt').value = '';
  await Promise.all([loadWards(), loadHistory(false)]);
});
$('#history-more').addEventListener('click', () => loadHistory(true));
$('#filters').addEventListener('submit', (event) => {
  event.preventDefault();
  loadWards();
});

await loadWards();
