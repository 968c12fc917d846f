// Small helpers to build the page from API answers. Text always goes in as text (names are shown
// exactly as written, and nothing from an answer is ever parsed as HTML).

export const texts = () => JSON.parse(document.getElementById('texts')?.textContent ?? '{}');

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** Shows a message in an alert element (role="alert" or "status"), or hides it when `message` is empty. */
export function say(node, message, items = []) {
  node.replaceChildren();
  if (!message) {
    node.hidden = true;
    return;
  }
  node.append(el('p', { text: message }));
  if (items.length) node.append(el('ul', {}, items.map((item) => el('li', { text: item }))));
  node.hidden = false;
}

/** A status as a badge with the page's word for it. */
export const badge = (status, words) => el('span', { class: `badge s-${status}`, text: words[`status.${status}`] ?? status });

/** The screen's success line said, and its failure line cleared (the #done and #failed of every screen). */
export const done = (message) => { say($('#failed'), ''); say($('#done'), message); };
