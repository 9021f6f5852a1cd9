// Which classes a typed text matches, best first; the class a text names
// unambiguously; a name with the typed part marked.

import { MAX_MATCHES } from './constants.js';
import { state } from './state.js';
import { el } from './dom.js';

/**
 * The classes matching `query`, best first: an exact id, an exact name, names
 * starting with it, ids starting with it, names with a word starting with it,
 * then any name containing it. Returns {ids, total}, at most `limit` ids.
 */
export function matchClasses(query, limit = MAX_MATCHES) {
  const q = query.trim().toLowerCase().replace(/^#/, '');
  const count = state.names.length;
  if (!q) {
    const ids = [];
    for (let id = 0; id < Math.min(limit, count); id++) ids.push(id);
    return { ids, total: count, query: '' };
  }
  const digits = /^\d+$/.test(q);
  const found = [];  // [rank, position, id]
  for (let id = 0; id < count; id++) {
    const name = state.lower[id];
    let rank = -1, position = 0;
    if (digits && String(id) === q) rank = 0;
    else if (name === q) rank = 1;
    else if (name.startsWith(q)) rank = 2;
    else if (digits && String(id).startsWith(q)) { rank = 3; position = String(id).length; }
    else {
      position = name.indexOf(q);
      if (position >= 0) rank = /[\s\-_/(,.:]/.test(name[position - 1]) ? 4 : 5;
    }
    if (rank >= 0) found.push([rank, position, id]);
  }
  found.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
  return { ids: found.slice(0, limit).map((entry) => entry[2]), total: found.length, query: q };
}

/**
 * The class `text` names unambiguously, else null: an exact name (case aside),
 * or with `byId` an exact id (not while typing: "4" may become "417").
 */
export function resolveClass(text, byId = true) {
  const q = text.trim().toLowerCase().replace(/^#/, '');
  if (!q) return null;
  const named = state.byName.get(q);
  if (named && named.length === 1) return named[0];
  if (byId && /^\d+$/.test(q)) {
    const id = Number(q);
    if (id < state.names.length && !named) return id;
  }
  return null;
}

/** `name` as text nodes, the first occurrence of `query` in a <mark>. */
export function highlighted(name, query) {
  const fragment = document.createDocumentFragment();
  const at = query ? name.toLowerCase().indexOf(query) : -1;
  if (at < 0) { fragment.append(name); return fragment; }
  fragment.append(name.slice(0, at), el('mark', { text: name.slice(at, at + query.length) }), name.slice(at + query.length));
  return fragment;
}
