// The exports of the triplet shown: the figure download link (/api/figure, as
// penviz compare draws it), the equivalent penviz compare command and its Copy button.

import { state } from './state.js';
import { $ } from './dom.js';
import { distinct } from './triplet.js';

export function updateExports() {
  const ids = state.triplet;
  const format = $('download-format').value;
  const link = $('download');
  const axes = state.axes;
  const command = $('command');
  const base = state.session ? state.session.command : 'penviz compare';
  if (!distinct(ids)) {
    link.removeAttribute('href');
    link.removeAttribute('download');
    link.setAttribute('aria-disabled', 'true');
    command.value = base;
    return;
  }
  const classes = ids.join(',');
  link.href = `/api/figure?classes=${classes}&format=${format}&axes=${axes}`;
  link.setAttribute('download', `penviz-compare-${ids.join('-')}.${format}`);
  link.setAttribute('aria-disabled', 'false');
  const splits = state.session && state.session.figure_splits ? state.session.figure_splits.join(', ') : '';
  link.title = `The figure penviz compare draws for this triplet${splits ? ` (splits ${splits})` : ''}, `
    + `as ${format.toUpperCase()}, drawn by the server`;
  command.value = `${base} --classes ${classes}${axes === 'independent' ? '' : ` --axes ${axes}`} --out compare.${format}`;
  if (document.activeElement !== command) command.scrollLeft = command.scrollWidth;   // the tail is what changes
}

export async function copyCommand() {
  const input = $('command');
  const button = $('copy-command');
  const text = input.value;
  const flash = (label) => {
    button.textContent = label;
    clearTimeout(copyCommand.timer);
    copyCommand.timer = setTimeout(() => { button.textContent = 'Copy command'; }, 1600);
  };
  try {
    if (!navigator.clipboard || !window.isSecureContext) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    flash('Copied');
  } catch (_) {
    input.focus();
    input.select();
    flash('Press Ctrl+C');
  }
}
