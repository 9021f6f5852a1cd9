// The panels of a triplet from /api/panels: the request (one at a time, the older one
// aborted), the binary answer parsed into typed arrays, and what follows a load: the
// grid drawn, the tables filled, the timing hooks (body's data-state, window.penvizStats).

import { state } from './state.js';
import { clearStatus, setStatus } from './dom.js';
import { responseError } from './http.js';
import { updateLegend } from './legend.js';
import { buildGrid, drawAll, showNoPanels, updateScrollNote } from './panel-grid.js';
import { hideTooltip } from './pointer.js';
import { keepOrDropPin, renderPinned } from './pinning.js';
import { renderTripletTable } from './tables.js';

/** The binary answer of /api/panels: the header and each panel's typed arrays. */
function parsePanels(buffer) {
  if (buffer.byteLength < 4) throw new Error('The panels answer is empty.');
  const view = new DataView(buffer);
  const headerLength = view.getUint32(0, true);
  if (4 + headerLength > buffer.byteLength) throw new Error('The panels answer is truncated (header).');
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, headerLength)));
  const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  let offset = 4 + headerLength;

  const take = (Type, count) => {
    const bytes = 4 * count;
    if (offset + bytes > buffer.byteLength) throw new Error('The panels answer is truncated.');
    let array;
    if (littleEndian && offset % 4 === 0) {
      array = new Type(buffer, offset, count);
    } else {   // misaligned or big-endian: read each value
      array = new Type(count);
      const float = Type === Float32Array;
      for (let i = 0; i < count; i++) {
        array[i] = float ? view.getFloat32(offset + 4 * i, true) : view.getInt32(offset + 4 * i, true);
      }
    }
    offset += bytes;
    return array;
  };

  const panels = header.panels.map((meta, index) => {
    const n = meta.count;
    return {
      index, meta, n,
      run: meta.run, runIndex: meta.run_index, split: meta.split,
      x: take(Float32Array, n), y: take(Float32Array, n),
      label: take(Int32Array, n), predicted: take(Int32Array, n),
      confidence: take(Float32Array, n), example: take(Int32Array, n),
    };
  });
  return { ids: header.ids, names: header.names, panels };
}

export async function loadPanels(ids) {
  cancelPending();
  const controller = new AbortController();
  state.controller = controller;
  state.pendingKey = ids.join(',');
  const sequence = ++state.sequence;
  document.body.dataset.state = 'loading';
  const started = performance.now();
  try {
    const response = await fetch(`/api/panels?classes=${ids.join(',')}`, { credentials: 'same-origin', signal: controller.signal });
    if (!response.ok) throw await responseError(response);
    const buffer = await response.arrayBuffer();
    const data = parsePanels(buffer);
    const fetchMs = performance.now() - started;
    if (sequence !== state.sequence) return;
    state.controller = null;
    state.pendingKey = '';
    state.data = data;
    state.loadedKey = ids.join(',');
    state.hover = null;
    hideTooltip();
    buildGrid();
    const drawMs = drawAll();
    updateScrollNote();
    const points = data.panels.reduce((sum, panel) => sum + panel.drawn, 0);
    window.penvizStats = { fetchMs, drawMs, points };
    keepOrDropPin();
    updateLegend();
    renderTripletTable();
    renderPinned();
    clearStatus();
    document.body.dataset.state = 'ready';
  } catch (error) {
    if (error.name === 'AbortError' || sequence !== state.sequence) return;
    state.controller = null;
    state.pendingKey = '';
    showNoPanels(ids);
    window.penvizStats = { fetchMs: performance.now() - started, drawMs: 0, points: 0 };
    setStatus(error.message || String(error));
    document.body.dataset.state = 'error';
  }
}

/** Aborts the pending panels request, if any: a late answer is then dropped (its sequence is stale). */
export function cancelPending() {
  if (state.controller) state.controller.abort();
  state.controller = null;
  state.pendingKey = '';
  state.sequence++;
}

/** The slot (0, 1, 2) of each class id of the triplet, -1 for others. */
export function slotOf(id) {
  const ids = state.data.ids;
  return id === ids[0] ? 0 : id === ids[1] ? 1 : id === ids[2] ? 2 : -1;
}
