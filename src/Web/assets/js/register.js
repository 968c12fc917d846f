// An enterprise registers itself (anonymous): POST /api/v1/enterprises/registrations, pending until
// a ward officer or the approver activates it. As on the set-password page, the call goes through
// api.js, which carries the page's anti-forgery token should the visitor be signed in.
import { api, idempotencyKey, latestOnly, problemText } from './api.js';
import { $, el, say, texts } from './dom.js';
import { clearFieldErrors, showFieldErrors } from './field-errors.js';
import { fill } from './format.js';

const t = texts();
const form = $('#register');

async function loadCities() {
  const result = await api('cities');
  const cities = result.ok ? result.data : [];
  $('#r-city').replaceChildren(el('option', { value: '', text: '' }), ...cities.map((c) => el('option', { value: c.code, text: c.name })));
}

const wardsOfCity = latestOnly(); // a city chosen before the current one: its wards are dropped

async function loadWards() {
  const city = $('#r-city').value;
  const select = $('#r-ward');
  // The wards of the city chosen before go at once: one of them, picked now, would register the
  // enterprise in the wrong city.
  select.replaceChildren(el('option', { value: '', text: city ? '' : t.chooseCity }));
  select.setAttribute('aria-busy', String(Boolean(city)));
  const result = await wardsOfCity(city ? api(`wards?cityCode=${encodeURIComponent(city)}`) : Promise.resolve(null));
  if (!result) return;
  select.setAttribute('aria-busy', 'false');
  const wards = result.ok ? result.data : [];
  select.replaceChildren(el('option', { value: '', text: '' }),
    ...wards.map((w) => el('option', { value: w.code, text: `${w.name} – ${w.districtName}` })));
}

$('#r-city').addEventListener('change', loadWards);

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFieldErrors(form);
  say($('#failed'), '');
  const data = Object.fromEntries([...new FormData(form)].map(([key, value]) => [key, String(value).trim()]));
  delete data.cityCode;
  // Left out when empty, so that the API names it with every other field (null is a body error of its own).
  if (data.workforce === '') delete data.workforce;
  else data.workforce = Number(data.workforce);
  const result = await api('enterprises/registrations', { method: 'POST', json: data, headers: { 'Idempotency-Key': idempotencyKey() } });
  if (result.ok) {
    form.hidden = true;
    $('#done-text').textContent = fill(t.doneText, result.data.name ?? data.name, data.contactEmail);
    $('#done').hidden = false;
    $('#done').focus();
    return;
  }
  if (result.status === 400 && result.data?.errors) {
    say($('#failed'), t.fix, showFieldErrors(form, result.data.errors));
    return;
  }
  say($('#failed'), problemText(result, t));
  $('#failed').focus();
});

await loadCities();
