// Finding the point under the mouse: a grid of HIT_CELL px cells over each panel's
// canvas holding its points, and the nearest point within HIT_RADIUS of a position.

import { CANVAS_H, CANVAS_W, HIT_CELL, HIT_RADIUS, MARGIN, PLOT } from './constants.js';
import { slotOf } from './panels-data.js';

/** A grid of HIT_CELL px cells over the canvas, holding each point's index, by cell. */
export function buildHitIndex(panel) {
  const tf = panel.transform;
  const { x, y, label, n } = panel;
  const columns = Math.ceil(CANVAS_W / HIT_CELL), rows = Math.ceil(CANVAS_H / HIT_CELL);
  const px = new Float32Array(n), py = new Float32Array(n);
  const cellOf = new Int32Array(n);
  const starts = new Int32Array(columns * rows + 1);
  for (let i = 0; i < n; i++) {
    const u = MARGIN.left + (x[i] - tf.x0) / tf.unitsPerPx;
    const v = MARGIN.top + PLOT - (y[i] - tf.y0) / tf.unitsPerPx;
    px[i] = u; py[i] = v;
    if (!(u >= MARGIN.left && u <= MARGIN.left + PLOT && v >= MARGIN.top && v <= MARGIN.top + PLOT) || slotOf(label[i]) < 0) {
      cellOf[i] = -1;
      continue;
    }
    const cell = Math.min(rows - 1, Math.floor(v / HIT_CELL)) * columns + Math.min(columns - 1, Math.floor(u / HIT_CELL));
    cellOf[i] = cell;
    starts[cell + 1]++;
  }
  for (let c = 0; c < columns * rows; c++) starts[c + 1] += starts[c];
  const fill = starts.slice(0, columns * rows);
  const order = new Int32Array(starts[columns * rows]);
  for (let i = 0; i < n; i++) if (cellOf[i] >= 0) order[fill[cellOf[i]]++] = i;
  panel.hit = { columns, rows, starts, order, px, py };
}

/** The index of the point nearest (u, v) within HIT_RADIUS, or -1. */
export function nearestPoint(panel, u, v) {
  const hit = panel.hit;
  if (!hit) return -1;
  const { columns, rows, starts, order, px, py } = hit;
  const c0 = Math.max(0, Math.floor((u - HIT_RADIUS) / HIT_CELL)), c1 = Math.min(columns - 1, Math.floor((u + HIT_RADIUS) / HIT_CELL));
  const r0 = Math.max(0, Math.floor((v - HIT_RADIUS) / HIT_CELL)), r1 = Math.min(rows - 1, Math.floor((v + HIT_RADIUS) / HIT_CELL));
  let best = -1, bestD = HIT_RADIUS * HIT_RADIUS;
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      const cell = r * columns + c;
      for (let k = starts[cell]; k < starts[cell + 1]; k++) {
        const i = order[k];
        const dx = px[i] - u, dy = py[i] - v;
        const d = dx * dx + dy * dy;
        if (d <= bestD) { bestD = d; best = i; }
      }
    }
  }
  return best;
}

export function canvasPoint(panel, event) {
  const rect = panel.canvas.getBoundingClientRect();
  return [(event.clientX - rect.left) * CANVAS_W / rect.width, (event.clientY - rect.top) * CANVAS_H / rect.height];
}
