// A panel's axes: the padded, equal-aspect limits (each panel its own, or shared),
// the data-to-canvas transform, the 1-2-5 ticks, the grid lines and the frame.

import { FONT, MARGIN, PLOT, TEMPLATE_RADIUS } from './constants.js';
import { state } from './state.js';

/** The padded bounds of a panel's points and templates, in data units. */
function panelBounds(panel) {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  const { x, y, n } = panel;
  for (let i = 0; i < n; i++) {
    const px = x[i], py = y[i];
    if (px === px && py === py && px !== Infinity && px !== -Infinity && py !== Infinity && py !== -Infinity) {
      if (px < minX) minX = px; if (px > maxX) maxX = px;
      if (py < minY) minY = py; if (py > maxY) maxY = py;
    }
  }
  for (const t of panel.meta.templates || []) {
    if (Number.isFinite(t[0]) && Number.isFinite(t[1])) {
      minX = Math.min(minX, t[0]); maxX = Math.max(maxX, t[0]);
      minY = Math.min(minY, t[1]); maxY = Math.max(maxY, t[1]);
    }
  }
  if (!(minX <= maxX)) { minX = 0; maxX = 1; minY = 0; maxY = 1; }
  // pad: 4 % of the larger extent, and at least a template marker's reach inside the frame
  const reach = TEMPLATE_RADIUS + 2;
  const fraction = Math.max(0.04, reach / (PLOT - 2 * reach));
  let extent = Math.max(maxX - minX, maxY - minY);
  if (extent <= 0) extent = Math.max(Math.abs(minX), Math.abs(minY), 1) / 5;
  const pad = fraction * extent;
  return { minX: minX - pad, maxX: maxX + pad, minY: minY - pad, maxY: maxY + pad };
}

/** Equal-aspect limits per panel: each its own, or one scale and window for all. */
export function solveLimits(panels) {
  const bounds = panels.map(panelBounds);
  const square = (b) => {
    const cx = (b.minX + b.maxX) / 2, cy = (b.minY + b.maxY) / 2;
    const unitsPerPx = Math.max(b.maxX - b.minX, b.maxY - b.minY) / PLOT;
    return { cx, cy, unitsPerPx };
  };
  if (state.axes === 'shared' && bounds.length) {
    const union = bounds.reduce((u, b) => ({
      minX: Math.min(u.minX, b.minX), maxX: Math.max(u.maxX, b.maxX),
      minY: Math.min(u.minY, b.minY), maxY: Math.max(u.maxY, b.maxY),
    }));
    const shared = square(union);
    return bounds.map(() => shared);
  }
  return bounds.map(square);
}

export function makeTransform(limits) {
  const { cx, cy, unitsPerPx } = limits;
  const x0 = cx - unitsPerPx * PLOT / 2, y0 = cy - unitsPerPx * PLOT / 2;
  return {
    unitsPerPx, x0, y0, x1: x0 + unitsPerPx * PLOT, y1: y0 + unitsPerPx * PLOT,
    px: (x) => MARGIN.left + (x - x0) / unitsPerPx,
    py: (y) => MARGIN.top + PLOT - (y - y0) / unitsPerPx,
  };
}

/** Tick positions: a 1-2-5 step giving about five ticks, the same on both axes. */
export function niceTicks(tf) {
  const range = tf.x1 - tf.x0;
  const rough = range / 5;
  const power = Math.pow(10, Math.floor(Math.log10(rough)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) || 10 * power;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9) + (step / power === 2.5 ? 1 : 0));
  const list = (lo, hi) => {
    const out = [];
    for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + 1e-9 * step; k++) out.push(k * step);
    return out;
  };
  const format = (v) => {
    const text = Math.abs(v) < step * 1e-6 ? '0' : v.toFixed(decimals);
    return text.replace(/^-/, '−');
  };
  return { xs: list(tf.x0, tf.x1), ys: list(tf.y0, tf.y1), format };
}

export function drawGrid(ctx, tf, ticks) {
  ctx.strokeStyle = '#ececec';
  ctx.lineWidth = 1;
  ctx.beginPath();
  const snap = (v) => Math.round(v * state.dpr) / state.dpr + 0.5 / state.dpr;
  for (const v of ticks.xs) {
    const px = snap(tf.px(v));
    ctx.moveTo(px, MARGIN.top); ctx.lineTo(px, MARGIN.top + PLOT);
  }
  for (const v of ticks.ys) {
    const py = snap(tf.py(v));
    ctx.moveTo(MARGIN.left, py); ctx.lineTo(MARGIN.left + PLOT, py);
  }
  ctx.stroke();
}

export function drawFrame(ctx, tf, ticks) {
  ctx.strokeStyle = '#9e9e9e';
  ctx.lineWidth = 1;
  ctx.strokeRect(MARGIN.left - 0.5, MARGIN.top - 0.5, PLOT + 1, PLOT + 1);
  ctx.beginPath();
  for (const v of ticks.xs) {
    const px = Math.round(tf.px(v)) + 0.5;
    ctx.moveTo(px, MARGIN.top + PLOT + 0.5); ctx.lineTo(px, MARGIN.top + PLOT + 4);
  }
  for (const v of ticks.ys) {
    const py = Math.round(tf.py(v)) + 0.5;
    ctx.moveTo(MARGIN.left - 0.5, py); ctx.lineTo(MARGIN.left - 4, py);
  }
  ctx.stroke();
  ctx.fillStyle = '#555555';
  ctx.font = `10px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const v of ticks.xs) ctx.fillText(ticks.format(v), tf.px(v), MARGIN.top + PLOT + 6);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of ticks.ys) ctx.fillText(ticks.format(v), MARGIN.left - 6, tf.py(v));
}
