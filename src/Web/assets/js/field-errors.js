// A form's field errors beside their fields: each input `name` has a `<p class="field-error"
// id="e-{name}">` after it. The API's 400 `errors` ({ field: [messages] }) fill them; what names
// no field of the form is given back for the page's own alert.

/** Clears every field error of the form. */
export function clearFieldErrors(form) {
  for (const field of form.elements) {
    if (!field.name) continue;
    field.removeAttribute('aria-invalid');
    const note = form.querySelector(`#e-${field.name}`);
    if (note) {
      note.textContent = '';
      note.hidden = true;
      field.setAttribute('aria-describedby', describedBy(field, note.id, false));
    }
  }
}

/**
 * Shows each field's messages beside it (and says so to a screen reader through aria-describedby);
 * focuses the first field in error. Returns the messages of names the form has no field for.
 */
export function showFieldErrors(form, errors) {
  const rest = [];
  let first = null;
  for (const [name, messages] of Object.entries(errors ?? {})) {
    const key = name.charAt(0).toLowerCase() + name.slice(1);
    const field = form.elements.namedItem(key);
    const note = form.querySelector(`#e-${key}`);
    const list = Array.isArray(messages) ? messages : [String(messages)];
    if (!field || !note) {
      rest.push(...list);
      continue;
    }
    note.textContent = list.join(' ');
    note.hidden = false;
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', describedBy(field, note.id, true));
    first ??= field;
  }
  first?.focus();
  return rest;
}

function describedBy(field, id, add) {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x && x !== id);
  if (add) ids.push(id);
  return ids.join(' ');
}
