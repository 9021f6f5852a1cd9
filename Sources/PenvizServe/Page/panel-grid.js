// The grid of panels: one figure per run × split, grouped by run, each a canvas with
// an overlay canvas above it; drawing them all (timed), the note when the grid
// scrolls sideways, and the line shown instead after a failed load.

import { state } from './state.js';
import { $, el } from './dom.js';
import { alphaText, className, sig } from './format.js';
import { updateLegend } from './legend.js';
import { makeTransform, solveLimits } from './panel-axes.js';
import { drawPanel } from './panel-drawing.js';
import { buildHitIndex } from './hit-index.js';
import { hideTooltip, onPanelClick, onPointerLeave, onPointerMove } from './pointer.js';
import { drawOverlays, renderPinned } from './pinning.js';
import { renderTripletTable } from './tables.js';

/** After a failed load: no panels (the old ones would belie the boxes), a line saying so. */
export function showNoPanels(ids) {
  state.data = null;
  state.loadedKey = '';
  state.hover = null;
  hideTooltip();
  $('grid').replaceChildren(el('p', { className: 'empty', text: `No panels for classes ${ids.map(className).join(', ')}: see the message above.` }));
  updateLegend();
  renderTripletTable();
  renderPinned();
}

export function buildGrid() {
  const grid = $('grid');
  grid.replaceChildren();
  const panels = state.data.panels;
  const runs = state.session.runs;
  let group = null, groupRun = null;
  for (const panel of panels) {
    if (!group || panel.runIndex !== groupRun) {
      groupRun = panel.runIndex;
      const run = runs[panel.runIndex];
      const header = el('h2', { className: 'run-header', title: run ? run.source : '' }, [
        el('span', { className: 'run-title' }, [   // sticky: stays in view while the grid scrolls
          el('span', { className: 'run-label', text: panel.run }),
          el('span', { className: 'run-alpha', text: run ? alphaText(run.alpha) : '' }),
        ]),
      ]);
      group = el('div', { className: 'run-group', attrs: { 'data-run': panel.run } }, [header, el('div', { className: 'run-panels' })]);
      grid.append(group);
    }
    const canvas = el('canvas', { className: 'panel', attrs: {
      'data-run': panel.run, 'data-split': panel.split, 'data-index': String(panel.index),
      role: 'img', 'aria-label': `${panel.run}, ${panel.split}: the examples of the three classes on their templates' plane`,
    } });
    const overlay = el('canvas', { className: 'overlay', attrs: { 'aria-hidden': 'true' } });
    const tightness = panel.meta.metrics ? panel.meta.metrics.tightness : null;
    const caption = el('figcaption', {}, [el('span', { className: 'tightness', text: `tightness ${sig(tightness, 3, 'n/a')}` })]);
    if (panel.meta.rows < panel.meta.examples) {
      caption.append(el('span', { className: 'sample-note', text: `sample of ${panel.meta.rows} of ${panel.meta.examples} rows` }));
    }
    const cell = el('figure', { className: 'panel-cell', attrs: { 'data-run': panel.run, 'data-split': panel.split } }, [
      el('div', { className: 'panel-title', text: panel.split }),
      el('div', { className: 'canvas-stack' }, [canvas, overlay]),
      caption,
    ]);
    group.querySelector('.run-panels').append(cell);
    panel.canvas = canvas;
    panel.overlay = overlay;
    canvas.addEventListener('mousemove', (event) => onPointerMove(panel, event));
    canvas.addEventListener('mouseleave', () => onPointerLeave(panel));
    canvas.addEventListener('click', (event) => onPanelClick(panel, event));
  }
}

/** Says so when the grid is wider than the window and scrolls sideways. */
export function updateScrollNote() {
  const grid = $('grid');
  const note = $('scroll-note');
  const hidden = grid.scrollWidth - grid.clientWidth;
  if (!state.data || hidden <= 1) { note.hidden = true; return; }
  const atEnd = grid.scrollLeft >= hidden - 1;
  note.textContent = atEnd ? `← ${state.data.panels.length} panels: scroll sideways` : `${state.data.panels.length} panels: scroll sideways →`;
  note.hidden = false;
}

/** Draws every panel; returns the time taken in ms. */
export function drawAll() {
  if (!state.data) return 0;
  const started = performance.now();
  state.dpr = window.devicePixelRatio || 1;
  const panels = state.data.panels;
  const limits = solveLimits(panels);
  panels.forEach((panel, i) => {
    panel.transform = makeTransform(limits[i]);
    drawPanel(panel);
    buildHitIndex(panel);
  });
  drawOverlays();
  const drawMs = performance.now() - started;
  if (window.penvizStats) window.penvizStats.drawMs = drawMs;
  return drawMs;
}
