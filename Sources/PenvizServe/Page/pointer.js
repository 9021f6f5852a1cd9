// The mouse on a panel: the hovered point ringed and described in the tooltip, a
// click pinning the point under it (or unpinning on empty space).

import { state } from './state.js';
import { $, el } from './dom.js';
import { className } from './format.js';
import { canvasPoint, nearestPoint } from './hit-index.js';
import { drawOverlay, setPin } from './pinning.js';

export function onPointerMove(panel, event) {
  const [u, v] = canvasPoint(panel, event);
  const index = nearestPoint(panel, u, v);
  const previous = state.hover;
  if (index < 0) {
    if (previous) { state.hover = null; drawOverlay(previous.panel); }
    panel.canvas.style.cursor = 'crosshair';
    hideTooltip();
    return;
  }
  panel.canvas.style.cursor = 'pointer';
  if (!previous || previous.panel !== panel || previous.index !== index) {
    state.hover = { panel, index };
    if (previous && previous.panel !== panel) drawOverlay(previous.panel);
    drawOverlay(panel);
  }
  showTooltip(panel, index, event.clientX, event.clientY);
}

export function onPointerLeave(panel) {
  if (state.hover && state.hover.panel === panel) {
    state.hover = null;
    drawOverlay(panel);
  }
  hideTooltip();
}

export function onPanelClick(panel, event) {
  const [u, v] = canvasPoint(panel, event);
  const index = nearestPoint(panel, u, v);
  if (index < 0) setPin(null);
  else setPin({ split: panel.split, example: panel.example[index] });
}

function showTooltip(panel, index, clientX, clientY) {
  const tip = $('tooltip');
  const truth = panel.label[index], predicted = panel.predicted[index];
  tip.replaceChildren(
    el('span', { text: `example ${panel.example[index]} · ` }),
    el('span', { text: `true: ${className(truth)}` }),
    el('span', { text: ' · ' }),
    el('span', { className: predicted === truth ? 'right' : 'wrong',
      text: `predicted: ${className(predicted)} (${panel.confidence[index].toFixed(2)})` }),
  );
  tip.hidden = false;
  const pad = 14;
  const width = tip.offsetWidth, height = tip.offsetHeight;
  let left = clientX + pad, top = clientY + pad;
  if (left + width > window.innerWidth - 4) left = clientX - pad - width;
  if (top + height > window.innerHeight - 4) top = clientY - pad - height;
  tip.style.left = `${Math.max(4, left)}px`;
  tip.style.top = `${Math.max(4, top)}px`;
}

export function hideTooltip() { $('tooltip').hidden = true; }
