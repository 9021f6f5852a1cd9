// Density shading of a large panel, as the PNG renderer shades it: points counted per
// device pixel, spread over a marker's disc, each class's opacity from its coverage.

import { MARGIN, PLOT, POINT_DIAMETER, RGB } from './constants.js';
import { state } from './state.js';

/** Weights of a disc `diameter` cells across, spread over the cells around a centre cell. */
function discKernel(diameter) {
  const radius = diameter / 2;
  const reach = Math.ceil(radius + 0.5);
  const side = 2 * reach + 1, samples = 8;
  const weights = new Float32Array(side * side);
  for (let row = 0; row < side; row++) {
    for (let column = 0; column < side; column++) {
      let inside = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const dx = column - reach - 0.5 + (sx + 0.5) / samples;
          const dy = row - reach - 0.5 + (sy + 0.5) / samples;
          if (dx * dx + dy * dy <= radius * radius) inside++;
        }
      }
      weights[row * side + column] = inside / (samples * samples);
    }
  }
  return { reach, side, weights };
}

/**
 * Per-class densities in place of points, as the PNG renderer shades large
 * panels: points are counted per device pixel and spread over the disc a marker
 * would cover (coverage v); a class takes the opacity min(v, 1)·0.3 + 0.65·ln(1+v)/ln(1+v_max),
 * so lone points look like markers and dense cores keep their structure; where
 * classes overlap the opacities combine as 1 − ∏(1 − o) and the colour is the
 * opacity-weighted mean of the class colours.
 */
export function drawDensity(ctx, panel) {
  const dpr = state.dpr;
  const side = Math.max(1, Math.round(PLOT * dpr));
  const cells = side * side;
  const tf = panel.transform;
  const scale = dpr / tf.unitsPerPx;
  const { x, y, label, n } = panel;
  const ids = state.data.ids;
  const counts = [new Float32Array(cells), new Float32Array(cells), new Float32Array(cells)];
  let drawn = 0;
  for (let i = 0; i < n; i++) {
    const id = label[i];
    const slot = id === ids[0] ? 0 : id === ids[1] ? 1 : id === ids[2] ? 2 : -1;
    if (slot < 0) continue;
    const column = Math.floor((x[i] - tf.x0) * scale);
    const row = Math.floor((tf.y1 - y[i]) * scale);
    if (column >= 0 && column < side && row >= 0 && row < side) {
      counts[slot][row * side + column] += 1;
      drawn++;
    }
  }
  if (!drawDensity.kernel || drawDensity.kernel.dpr !== dpr) {
    drawDensity.kernel = { dpr, ...discKernel(POINT_DIAMETER * dpr) };
  }
  const { reach, side: kSide, weights } = drawDensity.kernel;
  const coverage = counts.map((count) => {
    const out = new Float32Array(cells);
    for (let row = 0; row < side; row++) {
      const rowBase = row * side;
      for (let column = 0; column < side; column++) {
        const c = count[rowBase + column];
        if (c === 0) continue;
        for (let dy = -reach; dy <= reach; dy++) {
          const r = row + dy;
          if (r < 0 || r >= side) continue;
          const outBase = r * side, wBase = (dy + reach) * kSide + reach;
          for (let dx = -reach; dx <= reach; dx++) {
            const col = column + dx;
            if (col < 0 || col >= side) continue;
            const w = weights[wBase + dx];
            if (w) out[outBase + col] += c * w;
          }
        }
      }
    }
    return out;
  });
  let vmax = 1;
  for (const cov of coverage) for (let p = 0; p < cells; p++) if (cov[p] > vmax) vmax = cov[p];
  const logMax = Math.log1p(vmax);

  const image = ctx.createImageData(side, side);
  const pixels = image.data;
  const [c0, c1, c2] = coverage;
  for (let p = 0; p < cells; p++) {
    const v0 = c0[p], v1 = c1[p], v2 = c2[p];
    if (v0 === 0 && v1 === 0 && v2 === 0) continue;
    const o0 = v0 > 0 ? Math.min(v0, 1) * 0.3 + 0.65 * Math.log1p(v0) / logMax : 0;
    const o1 = v1 > 0 ? Math.min(v1, 1) * 0.3 + 0.65 * Math.log1p(v1) / logMax : 0;
    const o2 = v2 > 0 ? Math.min(v2, 1) * 0.3 + 0.65 * Math.log1p(v2) / logMax : 0;
    const weight = o0 + o1 + o2;
    const opacity = 1 - (1 - o0) * (1 - o1) * (1 - o2);
    const q = 4 * p;
    pixels[q] = (o0 * RGB[0][0] + o1 * RGB[1][0] + o2 * RGB[2][0]) / weight;
    pixels[q + 1] = (o0 * RGB[0][1] + o1 * RGB[1][1] + o2 * RGB[2][1]) / weight;
    pixels[q + 2] = (o0 * RGB[0][2] + o1 * RGB[1][2] + o2 * RGB[2][2]) / weight;
    pixels[q + 3] = Math.min(255, Math.round(opacity * 255));
  }
  const layer = drawDensity.layer || (drawDensity.layer = document.createElement('canvas'));
  if (layer.width !== side) { layer.width = side; layer.height = side; }
  layer.getContext('2d').putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(layer, MARGIN.left, MARGIN.top, PLOT, PLOT);
  ctx.imageSmoothingEnabled = true;
  return drawn;
}
