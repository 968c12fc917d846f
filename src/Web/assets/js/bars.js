// A bar chart drawn with the page's own elements: one row per status with its label, a bar scaled to
// the largest count, and the number beside it (what a screen reader reads; the bars are decoration).
import { el } from './dom.js';
import { number } from './format.js';

/**
 * Fills `list` (a <ul class="bars">) from `{ byStatus: { status: count } }`, naming each status with
 * `label(status)`.
 */
export function bars(list, counts, label) {
  const entries = Object.entries(counts?.byStatus ?? {});
  const largest = Math.max(1, ...entries.map(([, n]) => n));
  list.replaceChildren(...entries.map(([status, n]) => {
    const fill = el('span', { class: `bar-fill b-${status}` });
    fill.style.width = `${(100 * n) / largest}%`;
    return el('li', { 'data-status': status },
      el('span', { class: 'bar-label', text: label(status) }),
      el('span', { class: 'bar-track', 'aria-hidden': 'true' }, fill),
      el('span', { class: 'bar-value', text: number(n) }));
  }));
}
