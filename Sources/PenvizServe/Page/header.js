// The top bar's list of runs: each run's label and label-smoothing α, its file as
// the tooltip.

import { state } from './state.js';
import { $, el } from './dom.js';
import { alphaText } from './format.js';

export function renderRuns() {
  const list = $('runs');
  list.replaceChildren();
  for (const run of state.session.runs) {
    list.append(el('li', { title: run.source }, [
      el('span', { className: 'run-label', text: run.label }),
      el('span', { className: 'run-alpha', text: alphaText(run.alpha) }),
    ]));
  }
}
