// The national catalogue, uploaded as the JSON body of POST /api/v1/admin/geo/import; the counts it answers.
import { api, fieldErrors, problemText } from './api.js';
import { $, say, texts } from './dom.js';
import { fill, number } from './format.js';

const t = texts();

$('#import').addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = $('#file').files[0];
  say($('#done'), '');
  if (!file) {
    say($('#failed'), t.chooseFile);
    $('#file').focus();
    return;
  }
  const button = $('#import button');
  button.disabled = true;
  const result = await api('admin/geo/import', { method: 'POST', form: file, headers: { 'Content-Type': 'application/json' } });
  button.disabled = false;
  if (!result.ok) {
    say($('#failed'), problemText(result, t), fieldErrors(result));
    $('#failed').focus();
    return;
  }
  say($('#failed'), '');
  const counts = result.data;
  for (const key of ['cities', 'districts', 'wards', 'created', 'updated']) {
    $(`#n-${key}`).textContent = number(counts[key]);
  }
  $('#result').hidden = false;
  say($('#done'), fill(t.imported, number(counts.cities), number(counts.districts), number(counts.wards)));
});
