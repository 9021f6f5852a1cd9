// The legend above the panels: the three classes of the panels shown, the class
// template marker, and the density-shading note.

import { DENSITY_THRESHOLD } from './constants.js';
import { state } from './state.js';
import { $, el } from './dom.js';
import { className } from './format.js';

/** The legend of the panels shown (not of the boxes: a failed or pending triplet has none yet). */
export function updateLegend() {
  const legend = $('legend');
  legend.replaceChildren();
  const ids = state.data ? state.data.ids : [];
  ids.forEach((id, slot) => {
    legend.append(el('span', { className: 'legend-item', attrs: { 'data-slot': String(slot) } }, [
      el('span', { className: `dot slot-${slot}` }),   // colours in CSS: the page's CSP forbids inline styles
      el('span', { text: state.data.names && state.data.names[slot] !== undefined ? state.data.names[slot] : className(id) }),
      el('span', { className: 'legend-id', text: `#${id}` }),
    ]));
  });
  if (ids.length) {
    legend.append(el('span', { className: 'legend-item legend-template' }, [
      el('span', { className: 'template-dot' }), el('span', { text: 'class template' }),
    ]));
    legend.append(el('span', { className: 'legend-item note',
      text: `panels past ${DENSITY_THRESHOLD.toLocaleString('en-US')} points are shaded as densities` }));
  }
}
