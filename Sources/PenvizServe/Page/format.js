// How values are written on the page: numbers to a few significant digits, a run's
// label-smoothing α, a class id as its name.

import { state } from './state.js';

/** `value` to `digits` significant digits; "—" (or `none`) for null and non-finite. */
export function sig(value, digits, none = '—') {
  if (value === null || value === undefined || typeof value !== 'number' || !Number.isFinite(value)) return none;
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= Math.pow(10, digits + 2) || magnitude < 1e-3) {
    return value.toExponential(digits - 1).replace('e+', 'e');
  }
  if (magnitude >= Math.pow(10, digits)) return String(Math.round(value));
  return value.toPrecision(digits);
}

export function alphaText(alpha) {
  return alpha === null || alpha === undefined ? 'α unknown' : `α = ${alpha}`;
}

export function className(id) {
  return id >= 0 && id < state.names.length ? state.names[id] : `class ${id}`;
}
