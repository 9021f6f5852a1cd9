// Drawing one panel's canvas: sized for the pixel ratio, the points as translucent
// class-coloured discs (or densities past DENSITY_THRESHOLD), the grid lines and frame
// (panel-axes.js), the templates with their names.

import {
  CANVAS_H, CANVAS_W, COLORS, DENSITY_THRESHOLD, FONT, MARGIN, PLOT, POINT_ALPHA, POINT_DIAMETER, TEMPLATE_RADIUS,
} from './constants.js';
import { state } from './state.js';
import { className } from './format.js';
import { drawFrame, drawGrid, niceTicks } from './panel-axes.js';
import { drawDensity } from './density.js';

function sizeCanvas(canvas) {
  const dpr = state.dpr;
  const width = Math.round(CANVAS_W * dpr), height = Math.round(CANVAS_H * dpr);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  canvas.style.width = `${CANVAS_W}px`;
  canvas.style.height = `${CANVAS_H}px`;
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, CANVAS_W, CANVAS_H);
  return ctx;
}

export function drawPanel(panel) {
  const ctx = sizeCanvas(panel.canvas);
  sizeCanvas(panel.overlay);
  const tf = panel.transform;

  ctx.fillStyle = '#ffffff';
  ctx.fillRect(MARGIN.left, MARGIN.top, PLOT, PLOT);
  const ticks = niceTicks(tf);
  drawGrid(ctx, tf, ticks);

  ctx.save();
  ctx.beginPath();
  ctx.rect(MARGIN.left, MARGIN.top, PLOT, PLOT);
  ctx.clip();
  const dense = panel.n > DENSITY_THRESHOLD;
  panel.drawn = dense ? drawDensity(ctx, panel) : drawPoints(ctx, panel);
  ctx.restore();

  drawFrame(ctx, tf, ticks);
  drawTemplates(ctx, panel);

  panel.canvas.dataset.points = String(panel.drawn);
  panel.canvas.dataset.mode = dense ? 'density' : 'points';
}

/** A round marker of each class colour, at the canvas's resolution. */
function pointSprites() {
  const dpr = state.dpr;
  if (pointSprites.cache && pointSprites.cache.dpr === dpr) return pointSprites.cache.sprites;
  const side = Math.ceil(POINT_DIAMETER * dpr) + 2;
  const sprites = COLORS.map((color) => {
    const sprite = document.createElement('canvas');
    sprite.width = side; sprite.height = side;
    const c = sprite.getContext('2d');
    c.fillStyle = color;
    c.beginPath();
    c.arc(side / 2, side / 2, POINT_DIAMETER * dpr / 2, 0, 2 * Math.PI);
    c.fill();
    return sprite;
  });
  pointSprites.cache = { dpr, sprites: { images: sprites, css: side / dpr } };
  return pointSprites.cache.sprites;
}

/** Each point as a small translucent disc, in the order given. */
function drawPoints(ctx, panel) {
  const { images, css } = pointSprites();
  const tf = panel.transform;
  const half = css / 2;
  const { x, y, label, n } = panel;
  const ids = state.data.ids;
  ctx.globalAlpha = POINT_ALPHA;
  let drawn = 0;
  for (let i = 0; i < n; i++) {
    const id = label[i];
    const slot = id === ids[0] ? 0 : id === ids[1] ? 1 : id === ids[2] ? 2 : -1;
    const px = MARGIN.left + (x[i] - tf.x0) / tf.unitsPerPx;
    const py = MARGIN.top + PLOT - (y[i] - tf.y0) / tf.unitsPerPx;
    if (slot < 0 || !(px === px) || !(py === py)) continue;
    ctx.drawImage(images[slot], px - half, py - half, css, css);
    drawn++;
  }
  ctx.globalAlpha = 1;
  return drawn;
}

/** The templates: larger discs with a dark outline, named on the side away from their centre. */
function drawTemplates(ctx, panel) {
  const templates = panel.meta.templates || [];
  const tf = panel.transform;
  const centers = templates.map((t) => [tf.px(t[0]), tf.py(t[1])]);
  if (!centers.length) return;
  const mx = centers.reduce((s, c) => s + c[0], 0) / centers.length;
  const my = centers.reduce((s, c) => s + c[1], 0) / centers.length;
  ctx.font = `11.5px ${FONT}`;
  centers.forEach(([cx, cy], slot) => {
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) return;
    ctx.beginPath();
    ctx.arc(cx, cy, TEMPLATE_RADIUS, 0, 2 * Math.PI);
    ctx.fillStyle = COLORS[slot];
    ctx.fill();
    ctx.lineWidth = 1.3;
    ctx.strokeStyle = '#1a1a1a';
    ctx.stroke();
  });
  const side = 0.3827;
  centers.forEach(([cx, cy], slot) => {
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) return;
    const name = state.data.names && state.data.names[slot] !== undefined ? state.data.names[slot] : className(state.data.ids[slot]);
    let dx = cx - mx, dy = cy - my;
    const length = Math.hypot(dx, dy);
    if (length < 1e-6) { dx = 0.7071; dy = -0.7071; } else { dx /= length; dy /= length; }
    const reach = TEMPLATE_RADIUS + 4;
    const ax = cx + dx * reach, ay = cy + dy * reach;
    const width = ctx.measureText(name).width, height = 12;
    const inLeft = MARGIN.left + 3, inRight = MARGIN.left + PLOT - 3;
    // left edge and top of the label box for the anchor; a label that would
    // cross the frame goes to the marker's other side, else is pushed inside.
    let left = dx > side ? ax : dx < -side ? ax - width : ax - width / 2;
    if (left + width > inRight && dx > side) left = cx - reach - width;
    else if (left < inLeft && dx < -side) left = cx + reach;
    let top = dy > side ? ay : dy < -side ? ay - height : ay - height / 2;
    if (width <= inRight - inLeft) left = Math.max(inLeft, Math.min(inRight - width, left));
    else left = Math.max(2, Math.min(CANVAS_W - 2 - width, left));
    top = Math.max(MARGIN.top + 2, Math.min(MARGIN.top + PLOT - height - 2, top));
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    ctx.strokeText(name, left, top);
    ctx.fillStyle = '#1f1f1f';
    ctx.fillText(name, left, top);
  });
}
