// The number tables of the Planes view: the triplet's panel metrics (spreads,
// separation, tightness) and every run's whole-split metrics, as compare's JSON.

import { SLOT_NAMES } from './constants.js';
import { state } from './state.js';
import { $, el } from './dom.js';
import { sig } from './format.js';

export function headerCell(text, options = {}) {
  return el('th', { text, title: options.title, className: options.num ? 'num' : '', attrs: { scope: 'col' } });
}

export function renderTripletTable() {
  const table = $('triplet-table');
  table.replaceChildren();
  if (!state.data) return;
  const { ids, names } = state.data;
  const head = el('tr', {}, [headerCell('run'), headerCell('split')]);
  ids.forEach((id, slot) => {
    const th = el('th', { className: 'num', attrs: { scope: 'col' }, title: `RMS distance to the centroid of ${names[slot]} (id ${id})` }, [
      el('span', { className: `dot slot-${slot}` }),   // colours in CSS: the page's CSP forbids inline styles
      el('span', { text: `spread ${SLOT_NAMES[slot]}` }),
    ]);
    head.append(th);
  });
  head.append(headerCell('separation', { num: true, title: 'mean pairwise template distance in the plane' }),
              headerCell('tightness', { num: true, title: 'mean spread / separation (smaller is tighter)' }));
  table.append(el('thead', {}, [head]));
  const body = el('tbody');
  for (const panel of state.data.panels) {
    const metrics = panel.meta.metrics || {};
    const spreads = metrics.spreads || [];
    const tr = el('tr', {}, [el('td', { text: panel.run }), el('td', { text: panel.split })]);
    for (let slot = 0; slot < 3; slot++) {
      const entry = spreads[slot];
      tr.append(el('td', { className: 'num', text: sig(entry ? entry.spread : null, 4),
        title: entry ? `${entry.name}: ${entry.n} examples` : '' }));
    }
    tr.append(el('td', { className: 'num', text: sig(metrics.separation, 4) }),
              el('td', { className: 'num', text: sig(metrics.tightness, 4) }));
    body.append(tr);
  }
  table.append(body);
}

const SPLIT_COLUMNS = [
  ['accuracy', 'top-1 accuracy'],
  ['within', 'RMS distance of an example to its class mean'],
  ['between', 'mean distance between class means'],
  ['cluster_ratio', 'within / between'],
  ['gap', 'mean margin of the true logit over the mean wrong logit'],
  ['ls_gap', 'the gap label smoothing α drives toward'],
  ['incorrect_spread', 'mean std of the wrong logits'],
  ['distance_cv', 'how unequal the distances to the wrong templates are'],
];

export function renderSplitsTable() {
  const table = $('splits-table');
  table.replaceChildren();
  const head = el('tr', {}, [headerCell('run'), headerCell('split'), headerCell('n', { num: true })]);
  for (const [key, title] of SPLIT_COLUMNS) head.append(headerCell(key, { num: true, title }));
  table.append(el('thead', {}, [head]));
  const body = el('tbody');
  for (const run of state.session.runs) {
    for (const split of run.splits || []) {
      const metrics = split.metrics || {};
      const tr = el('tr', {}, [el('td', { text: run.label }), el('td', { text: split.name }),
        el('td', { className: 'num', text: split.n !== undefined ? String(split.n) : sig(metrics.n, 4),
          title: split.shown !== undefined && split.shown < split.n ? `${split.shown} rows kept for the panels` : '' })]);
      for (const [key] of SPLIT_COLUMNS) tr.append(el('td', { className: 'num', text: sig(metrics[key], 4) }));
      body.append(tr);
    }
  }
  table.append(body);
}
