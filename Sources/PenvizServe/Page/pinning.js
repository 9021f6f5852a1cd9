// The pinned example: ringed in every panel of its split (the overlay canvases, which
// also ring the hovered point), kept across triplets while shown, and described in
// the Pinned example card.

import { CANVAS_H, CANVAS_W, MARGIN, PLOT } from './constants.js';
import { state } from './state.js';
import { $, el } from './dom.js';
import { className, sig } from './format.js';

function findExample(panel, example) {
  const examples = panel.example;
  for (let i = 0; i < panel.n; i++) if (examples[i] === example) return i;
  return -1;
}

export function setPin(pin) {
  state.pinned = pin;
  if (state.data) {
    for (const panel of state.data.panels) {
      panel.pinIndex = pin && panel.split === pin.split ? findExample(panel, pin.example) : -1;
    }
  }
  drawOverlays();
  renderPinned();
}

/** After a new triplet: keep the pin when its example is still shown, else drop it. */
export function keepOrDropPin() {
  const pin = state.pinned;
  if (!pin) return;
  let found = false;
  for (const panel of state.data.panels) {
    panel.pinIndex = panel.split === pin.split ? findExample(panel, pin.example) : -1;
    if (panel.pinIndex >= 0) found = true;
  }
  if (!found) state.pinned = null;
  drawOverlays();
}

export function drawOverlays() {
  if (!state.data) return;
  for (const panel of state.data.panels) drawOverlay(panel);
}

export function drawOverlay(panel) {
  const canvas = panel.overlay;
  if (!canvas) return;
  const ctx = canvas.getContext('2d');
  ctx.setTransform(state.dpr, 0, 0, state.dpr, 0, 0);
  ctx.clearRect(0, 0, CANVAS_W, CANVAS_H);
  const ring = (i, radius, width, color) => {
    const u = panel.hit.px[i], v = panel.hit.py[i];
    if (!Number.isFinite(u) || !Number.isFinite(v)) return;
    ctx.beginPath();
    ctx.arc(u, v, radius, 0, 2 * Math.PI);
    ctx.lineWidth = width + 2.5;
    ctx.strokeStyle = 'rgba(255,255,255,0.95)';
    ctx.stroke();
    ctx.lineWidth = width;
    ctx.strokeStyle = color;
    ctx.stroke();
  };
  ctx.save();
  ctx.beginPath();
  ctx.rect(MARGIN.left, MARGIN.top, PLOT, PLOT);
  ctx.clip();
  if (state.pinned && panel.pinIndex >= 0) ring(panel.pinIndex, 6.5, 2, '#d1005e');
  if (state.hover && state.hover.panel === panel) ring(state.hover.index, 4.5, 1.3, '#111111');
  ctx.restore();
  panel.canvas.dataset.pinned = state.pinned && panel.pinIndex >= 0 ? String(state.pinned.example) : '';
}

export function renderPinned() {
  const holder = $('pinned');
  holder.replaceChildren();
  const pin = state.pinned;
  if (!pin || !state.data) {
    holder.append(el('p', { className: 'note', text: 'Click a point to pin it: it is ringed in every panel of its split. Click empty space to unpin.' }));
    holder.dataset.example = '';
    return;
  }
  holder.dataset.example = String(pin.example);
  holder.dataset.split = pin.split;
  const rows = state.data.panels.filter((panel) => panel.split === pin.split);
  const first = rows.find((panel) => panel.pinIndex >= 0);
  const truth = first ? first.label[first.pinIndex] : null;
  const head = el('p', { className: 'pinned-head' }, [
    el('strong', { text: `example ${pin.example}` }),
    el('span', { text: ` · ${pin.split} · true: ${truth === null ? '—' : className(truth)}` }),
  ]);
  const unpin = el('button', { className: 'link-button', text: 'unpin', attrs: { type: 'button', id: 'unpin' } });
  unpin.addEventListener('click', () => setPin(null));
  head.append(' ', unpin);
  holder.append(head);
  const table = el('table', { className: 'numbers-table compact' });
  table.append(el('thead', {}, [el('tr', {}, ['run', 'predicted', 'confidence', 'x', 'y']
    .map((text, i) => el('th', { text, className: i >= 2 ? 'num' : '' })))]));
  const body = el('tbody');
  for (const panel of rows) {
    const i = panel.pinIndex;
    const tr = el('tr', {}, [el('td', { text: panel.run })]);
    if (i < 0) {
      tr.append(el('td', { className: 'note', text: "not in this panel's rows", attrs: { colspan: '4' } }));
    } else {
      const predicted = panel.predicted[i];
      tr.append(
        el('td', { text: className(predicted), className: predicted === panel.label[i] ? 'right' : 'wrong' }),
        el('td', { className: 'num', text: panel.confidence[i].toFixed(3) }),
        el('td', { className: 'num', text: sig(panel.x[i], 4) }),
        el('td', { className: 'num', text: sig(panel.y[i], 4) }),
      );
    }
    body.append(tr);
  }
  table.append(body);
  holder.append(table);
}
