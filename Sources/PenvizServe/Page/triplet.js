// The triplet: the three committed classes. Checks they are distinct, shows them in the
// boxes, keeps them in the URL's hash (#classes=a,b,c, back and forward included), and
// asks for their panels.

import { state } from './state.js';
import { clearStatus, setStatus } from './dom.js';
import { markSuggestions } from './suggestions.js';
import { updateExports } from './exports.js';
import { cancelPending, loadPanels } from './panels-data.js';

function sameIds(a, b) {
  return !!a && !!b && a.length === b.length && a.every((value, index) => value === b[index]);
}

export function distinct(ids) {
  return !!ids && ids.length === 3 && ids.every((id) => Number.isInteger(id)) && new Set(ids).size === 3;
}

function boxIds() { return state.boxes.map((box) => box.id); }

/** Called whenever a box commits a class: load when the three are distinct. */
export function onBoxesChanged() {
  const ids = boxIds();
  if (ids.some((id) => id === null)) return;
  if (!distinct(ids)) {
    state.boxes.forEach((box, i) => {
      if (ids.indexOf(box.id) !== i || ids.lastIndexOf(box.id) !== i) box.input.setAttribute('aria-invalid', 'true');
    });
    setStatus('Pick three different classes.', 'note');
    updateExports();
    return;
  }
  setTriplet(ids, { push: true });
}

/** Shows `ids` in the boxes, the URL and the exports, and loads its panels. */
export function setTriplet(ids, { push = false } = {}) {
  state.boxes.forEach((box, i) => box.show(ids[i]));
  state.triplet = ids.slice();
  writeHash(ids, push);
  updateExports();
  markSuggestions();
  const key = ids.join(',');
  if (key === state.pendingKey) return;             // already on its way
  if (key === state.loadedKey && state.data) {      // back to the panels shown
    cancelPending();
    clearStatus();
    document.body.dataset.state = 'ready';
    return;
  }
  loadPanels(ids);
}

export function hashTriplet() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const raw = params.get('classes');
  if (!raw || !/^\d+,\d+,\d+$/.test(raw)) return null;
  const ids = raw.split(',').map(Number);
  return distinct(ids) && ids.every((id) => id < state.names.length) ? ids : null;
}

/** Keeps the triplet in the hash; the path and query (?token=…) stay as they are. */
function writeHash(ids, push) {
  const hash = `#classes=${ids.join(',')}`;
  if (location.hash === hash) return;
  const url = `${location.pathname}${location.search}${hash}`;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

export function onHashChange() {
  if (!state.session) return;
  const ids = hashTriplet();
  if (ids && !sameIds(ids, state.triplet)) setTriplet(ids);
}
