// The exports of the triplet shown: the figure download link (/api/figure, as
// penviz compare draws it), the equivalent penviz compare command and its Copy button.

import { state } from './state.js';
import { $, setStatus, clearStatus } from './dom.js';
import { responseError } from './http.js';
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

/**
 * The download, fetched here rather than by the browser, so that the page can say what
 * takes the time (the server reads every row of the runs again, as penviz compare does:
 * seconds at ImageNet's size) and show an error as the page's own; the file is then
 * saved under the link's name.
 */
export async function downloadFigure(event) {
  const link = $('download');
  event.preventDefault();
  if (link.getAttribute('aria-disabled') === 'true' || link.dataset.busy === 'true') return;
  const name = link.getAttribute('download');
  link.dataset.busy = 'true';
  setStatus(`Drawing ${name} as penviz compare does: every row of the runs is read again…`, 'note');
  try {
    const response = await fetch(link.href, { credentials: 'same-origin' });
    if (!response.ok) throw await responseError(response);
    const url = URL.createObjectURL(await response.blob());
    const save = document.createElement('a');
    save.href = url;
    save.download = name;
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    clearStatus();
  } catch (error) {
    setStatus(`The figure could not be drawn: ${error.message}`);
  } finally {
    delete link.dataset.busy;
  }
}
