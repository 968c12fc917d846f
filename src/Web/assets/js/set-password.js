import { api, fieldErrors, problemText } from './api.js';
import { $, say, texts } from './dom.js';

const t = texts();
const form = $('#set-password');
const error = $('#form-error');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  if (data.get('password') !== data.get('confirm')) {
    say(error, t.mismatch);
    return;
  }
  const result = await api('auth/set-password', {
    method: 'POST',
    json: { email: data.get('email'), token: data.get('token'), password: data.get('password') },
  });
  if (result.ok) {
    say(error, '');
    form.hidden = true;
    $('#done').hidden = false;
    return;
  }
  say(error, problemText(result, t), fieldErrors(result));
  error.focus?.();
});
