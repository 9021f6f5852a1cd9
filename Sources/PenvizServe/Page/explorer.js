// penviz explorer: the page of `penviz serve` (see ../README.md for the HTTP API).
// This is the entry module: it wires the page's controls and loads the session and the
// first triplet. Plain ES modules, no dependencies; every piece of data (class names,
// run labels, file names, messages) goes into the DOM through textContent, never innerHTML.
//
// Test and timing hooks: document.body.dataset.state is "loading" while a triplet
// is fetched, "ready" once its panels are drawn, "error" after a failure;
// window.penvizStats = {fetchMs, drawMs, points} describes the latest triplet.

import { state } from './state.js';
import { $, setStatus } from './dom.js';
import { fetchJSON } from './http.js';
import { ClassBox } from './class-box.js';
import { distinct, hashTriplet, onHashChange, setTriplet } from './triplet.js';
import { renderRuns } from './header.js';
import { renderSuggestions } from './suggestions.js';
import { copyCommand, downloadFigure, updateExports } from './exports.js';
import { drawAll, updateScrollNote } from './panel-grid.js';
import { setPin } from './pinning.js';
import { renderSplitsTable } from './tables.js';
import { selectTab } from './tabs.js';

function watchPixelRatio() {
  const query = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
  const onChange = () => {
    query.removeEventListener('change', onChange);
    if (state.data) drawAll();
    watchPixelRatio();
  };
  query.addEventListener('change', onChange);
}

async function start() {
  document.body.dataset.state = 'loading';
  document.body.dataset.tab = 'planes';
  state.boxes = ['class-a', 'class-b', 'class-c'].map((id, slot) => new ClassBox(slot, $(id)));

  $('tab-planes').addEventListener('click', () => selectTab('planes'));
  $('tab-calibration').addEventListener('click', () => selectTab('calibration'));
  document.querySelector('.tabs').addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const next = document.body.dataset.tab === 'calibration' ? 'planes' : 'calibration';
    selectTab(next);
    $(`tab-${next}`).focus();
  });
  $('axes').addEventListener('change', (event) => {
    state.axes = event.target.value === 'shared' ? 'shared' : 'independent';
    updateExports();
    if (state.data) drawAll();
  });
  $('download-format').addEventListener('change', updateExports);
  $('download').addEventListener('click', downloadFigure);
  $('copy-command').addEventListener('click', copyCommand);
  window.addEventListener('hashchange', onHashChange);
  window.addEventListener('popstate', onHashChange);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && state.pinned && !event.target.closest('input, select')) setPin(null);
  });
  watchPixelRatio();
  window.addEventListener('resize', updateScrollNote);
  $('grid').addEventListener('scroll', updateScrollNote, { passive: true });
  state.axes = $('axes').value === 'shared' ? 'shared' : 'independent';

  let session;
  try {
    session = await fetchJSON('/api/session');
  } catch (error) {
    setStatus(`Could not load the session: ${error.message || error}`);
    document.body.dataset.state = 'error';
    return;
  }
  state.session = session;
  state.names = (session.classes || []).map(String);
  state.lower = state.names.map((name) => name.toLowerCase());
  state.byName = new Map();
  state.lower.forEach((name, id) => {
    if (!state.byName.has(name)) state.byName.set(name, []);
    state.byName.get(name).push(id);
  });
  renderRuns();
  renderSuggestions();
  renderSplitsTable();
  updateExports();

  const initial = hashTriplet() || (distinct(session.initial) ? session.initial : null)
    || (state.names.length >= 3 ? [0, 1, 2] : null);
  if (!initial) {
    setStatus('These runs have fewer than three classes: there is no plane to show.');
    document.body.dataset.state = 'error';
    return;
  }
  setTriplet(initial);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
