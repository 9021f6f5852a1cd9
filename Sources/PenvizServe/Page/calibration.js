// The Calibration view: /api/calibration as a table (ECE, NLL, Brier before and after
// temperature scaling) and /api/calibration.svg's reliability diagrams.

import { state } from './state.js';
import { $, el, setStatus } from './dom.js';
import { sig } from './format.js';
import { fetchJSON } from './http.js';
import { headerCell } from './tables.js';

export async function loadCalibration() {
  if (state.calibrationLoaded) return;
  state.calibrationLoaded = true;
  const img = $('calibration-img');
  img.addEventListener('load', () => img.closest('figure').classList.add('loaded'), { once: true });
  img.addEventListener('error', () => {
    setStatus('The reliability diagrams could not be drawn (see /api/calibration.svg).');
  }, { once: true });
  img.src = '/api/calibration.svg';
  try {
    renderCalibration(await fetchJSON('/api/calibration'));
  } catch (error) {
    state.calibrationLoaded = false;
    setStatus(`Calibration: ${error.message || error}`);
  }
}

function renderCalibration(report) {
  const note = $('calibration-note');
  const resamples = report.bootstrap_resamples;
  note.textContent = `(${report.bin_count} equal-${report.binning === 'mass' ? 'mass' : 'width'} bins`
    + (resamples ? `, ECE intervals from ${resamples} bootstrap resamples)` : ')');
  const table = $('calibration-table');
  table.replaceChildren();
  const columns = [
    ['run'], ['α', true], ['fit on'], ['measured on'], ['n', true], ['accuracy', true],
    ['ECE (T = 1)', true], ['ECE (T*)', true], ['T*', true], ['NLL (T = 1)', true], ['NLL (T*)', true],
    ['Brier (T = 1)', true], ['Brier (T*)', true],
  ];
  table.append(el('thead', {}, [el('tr', {}, columns.map(([text, num]) => headerCell(text, { num })))]));
  const body = el('tbody');
  const ece = (evaluation) => {
    const value = sig(evaluation.ece, 4);
    const interval = evaluation.ece_interval;
    return interval ? `${value} [${sig(interval[0], 3)}, ${sig(interval[1], 3)}]` : value;
  };
  for (const run of report.runs || []) {
    const before = run.before || {}, after = run.after || {};
    const outcome = run.temperature_outcome;
    const temperature = sig(run.temperature, 4) + (outcome && outcome !== 'interior' ? ` (${outcome.replace('_', ' ')})` : '');
    const tr = el('tr', { attrs: { 'data-run': run.label } }, [
      el('td', { text: run.label, title: run.source }),
      el('td', { className: 'num', text: run.alpha === null || run.alpha === undefined ? '—' : String(run.alpha) }),
      el('td', { text: run.fit_split }),
      el('td', { text: run.eval_split }),
      el('td', { className: 'num', text: before.n !== undefined ? String(before.n) : '—' }),
      el('td', { className: 'num', text: sig(before.accuracy, 4) }),
      el('td', { className: 'num ece-before', text: ece(before) }),
      el('td', { className: 'num ece-after', text: ece(after) }),
      el('td', { className: 'num temperature', text: temperature }),
      el('td', { className: 'num', text: sig(before.nll, 4) }),
      el('td', { className: 'num', text: sig(after.nll, 4) }),
      el('td', { className: 'num', text: sig(before.brier, 4) }),
      el('td', { className: 'num', text: sig(after.brier, 4) }),
    ]);
    body.append(tr);
  }
  table.append(body);
  table.dataset.loaded = 'true';
}
