// Small DOM helpers: an element by id ($), an element built with text and attributes
// (el: textContent only, never innerHTML), and the status line above the panels.

export const $ = (id) => document.getElementById(id);

/** An element with a class, text and attributes; children appended in order. */
export function el(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined && options.text !== null) node.textContent = String(options.text);
  if (options.title) node.title = options.title;
  if (options.attrs) for (const [key, value] of Object.entries(options.attrs)) node.setAttribute(key, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

export function setStatus(message, kind = 'error') {
  const status = $('status');
  status.textContent = message || '';
  status.dataset.kind = message ? kind : '';
}

export function clearStatus() { setStatus(''); }
