// The suggested triplets from the session (most similar, most different), each a
// button that loads it; the one shown is marked pressed.

import { state } from './state.js';
import { $, clearStatus, el } from './dom.js';
import { className, sig } from './format.js';
import { distinct, setTriplet } from './triplet.js';

export function renderSuggestions() {
  const suggestions = state.session.suggestions;
  const holder = $('suggestions');
  const note = $('suggestions-note');
  holder.replaceChildren();
  if (!suggestions) {
    const why = state.session.suggestions_note;
    note.textContent = why
      ? `No suggestions: ${why}`
      : 'No suggestions: these runs cannot be ranked by confusion '
        + `(K = ${state.names.length} is past the triplet search's limit, or the logits are too large).`;
    note.append(el('span', { className: 'hint', text: ' Type class names or ids in the boxes.' }));
    return;
  }
  note.textContent = `Ranked as --auto ranks them: the mean mutual confusion of the three pairs, on the ${suggestions.split} split`
    + (suggestions.exact ? '.' : ' (the search reached a bound: near-best).');
  const lists = [['similar', 'Most similar', 'most confused'], ['different', 'Most different', 'least confused']];
  for (const [key, title, hint] of lists) {
    const entries = suggestions[key] || [];
    const section = el('section', { className: `suggestion-list ${key}` }, [
      el('h3', {}, [document.createTextNode(title), el('span', { className: 'note', text: ` ${hint}` })]),
    ]);
    const list = el('ol', { attrs: { id: `suggest-${key}` } });
    for (const entry of entries) {
      const names = entry.names && entry.names.length === 3 ? entry.names : entry.ids.map(className);
      const button = el('button', {
        className: 'suggestion',
        attrs: { type: 'button', 'data-ids': entry.ids.join(','), 'data-list': key },
        title: `${names.join(', ')} (ids ${entry.ids.join(', ')}): score ${entry.score}`,
      });
      const label = el('span', { className: 'suggestion-names' });
      names.forEach((name, i) => {
        if (i) label.append(el('span', { className: 'sep', text: ' · ' }));
        label.append(el('span', { text: name }));
      });
      button.append(label, el('span', { className: 'score', text: sig(entry.score, 3) }));
      button.addEventListener('click', () => {
        const ids = entry.ids.slice();
        if (distinct(ids)) { clearStatus(); setTriplet(ids, { push: true }); }
      });
      list.append(el('li', {}, [button]));
    }
    if (!entries.length) list.append(el('li', { className: 'note', text: 'none' }));
    section.append(list);
    holder.append(section);
  }
  markSuggestions();
}

export function markSuggestions() {
  const current = state.triplet ? state.triplet.slice().sort((x, y) => x - y).join(',') : '';
  document.querySelectorAll('button.suggestion').forEach((button) => {
    const ids = button.dataset.ids.split(',').map(Number).sort((x, y) => x - y).join(',');
    button.setAttribute('aria-pressed', ids === current ? 'true' : 'false');
  });
}
