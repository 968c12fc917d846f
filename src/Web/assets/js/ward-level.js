// A ward's epidemic level (Resolution 128/NQ-CP) and its lockdown as every screen shows them: the
// level's number and name in words, its colour (green, yellow, orange, red) as a class, so that
// nothing rests on the colour alone. The words come from the page's texts (LevelTexts.Words).

import { el } from './dom.js';

export const levelBadge = (level, words) => el('span', { class: `badge level l-${level}`, text: words[`level.${level}`] ?? String(level) });

export const lockdownMark = (words) => el('span', { class: 'badge lockdown', text: words.lockdown });

/** The level and, when the ward is locked down, the mark: of a ward of the list, a decision, a history. */
export const condition = ({ level, lockdown }, words) =>
  el('span', { class: 'condition' }, levelBadge(level, words), lockdown ? lockdownMark(words) : null);
