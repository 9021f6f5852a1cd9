// The page's fixed numbers: the class colours (kept in sync with explorer.css), the
// sizes of points, templates and the plot, the hover reach, the type-ahead's length.

export const COLORS = ['#0072B2', '#E69F00', '#009E73'];          // Okabe–Ito, classes a, b, c
export const RGB = [[0, 114, 178], [230, 159, 0], [0, 158, 115]];
export const SLOT_NAMES = ['a', 'b', 'c'];
export const DENSITY_THRESHOLD = 20000;  // points in a panel beyond which it is shaded as densities
export const POINT_DIAMETER = 2.6;       // CSS px
export const POINT_ALPHA = 0.5;
export const TEMPLATE_RADIUS = 6;        // CSS px
export const HIT_RADIUS = 6;             // CSS px: hover picks the nearest point this close
export const HIT_CELL = 8;               // CSS px: side of a hit-index cell
export const MAX_MATCHES = 50;           // type-ahead rows shown
export const PLOT = 264;                 // plot area side, CSS px
export const MARGIN = { left: 34, right: 4, top: 6, bottom: 20 };
export const CANVAS_W = MARGIN.left + PLOT + MARGIN.right;
export const CANVAS_H = MARGIN.top + PLOT + MARGIN.bottom;
export const FONT = '"DejaVu Sans", system-ui, -apple-system, "Segoe UI", sans-serif';
