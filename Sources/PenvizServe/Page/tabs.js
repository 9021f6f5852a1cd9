// The two views, Planes and Calibration: switching tabs (the calibration is loaded
// the first time its tab opens).

import { $ } from './dom.js';
import { hideTooltip } from './pointer.js';
import { loadCalibration } from './calibration.js';

export function selectTab(name) {
  const planes = name === 'planes';
  $('tab-planes').setAttribute('aria-selected', String(planes));
  $('tab-calibration').setAttribute('aria-selected', String(!planes));
  $('tab-planes').tabIndex = planes ? 0 : -1;
  $('tab-calibration').tabIndex = planes ? -1 : 0;
  $('view-planes').hidden = !planes;
  $('view-calibration').hidden = planes;
  document.body.dataset.tab = name;
  hideTooltip();
  if (!planes) loadCalibration();
}
