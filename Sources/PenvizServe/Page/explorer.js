// penviz explorer: the page of `penviz serve` (see ../README.md for the HTTP API).
//
// Plain JavaScript, no dependencies. Every piece of data (class names, run labels,
// file names, messages) goes into the DOM through textContent, never innerHTML.
//
// Test and timing hooks: document.body.dataset.state is "loading" while a triplet
// is fetched, "ready" once its panels are drawn, "error" after a failure;
// window.penvizStats = {fetchMs, drawMs, points} describes the latest triplet.
'use strict';

(() => {
  // ---- constants -----------------------------------------------------------
  const COLORS = ['#0072B2', '#E69F00', '#009E73'];          // Okabe–Ito, classes a, b, c
  const RGB = [[0, 114, 178], [230, 159, 0], [0, 158, 115]];
  const SLOT_NAMES = ['a', 'b', 'c'];
  const DENSITY_THRESHOLD = 20000;  // points in a panel beyond which it is shaded as densities
  const POINT_DIAMETER = 2.6;       // CSS px
  const POINT_ALPHA = 0.5;
  const TEMPLATE_RADIUS = 6;        // CSS px
  const HIT_RADIUS = 6;             // CSS px: hover picks the nearest point this close
  const HIT_CELL = 8;               // CSS px: side of a hit-index cell
  const MAX_MATCHES = 50;           // type-ahead rows shown
  const PLOT = 264;                 // plot area side, CSS px
  const MARGIN = { left: 34, right: 4, top: 6, bottom: 20 };
  const CANVAS_W = MARGIN.left + PLOT + MARGIN.right;
  const CANVAS_H = MARGIN.top + PLOT + MARGIN.bottom;
  const FONT = '"DejaVu Sans", system-ui, -apple-system, "Segoe UI", sans-serif';

  const $ = (id) => document.getElementById(id);

  const state = {
    session: null,
    names: [],
    lower: [],            // lower-cased names, for matching
    byName: new Map(),    // lower-cased name -> [ids]
    boxes: [],            // three ClassBox
    triplet: null,        // the committed ids [a, b, c] (may repeat: then nothing loads)
    data: null,           // the loaded panels: {ids, names, panels: [...]}
    loadedKey: '',        // "a,b,c" of state.data
    pendingKey: '',       // "a,b,c" being fetched
    axes: 'independent',
    pinned: null,         // {split, example}
    hover: null,          // {panel, index}
    controller: null,     // AbortController of the pending panels request
    sequence: 0,
    calibrationLoaded: false,
    dpr: window.devicePixelRatio || 1,
  };

  // ---- small helpers -------------------------------------------------------
  /** An element with a class, text and attributes; children appended in order. */
  function el(tag, options = {}, children = []) {
    const node = document.createElement(tag);
    if (options.className) node.className = options.className;
    if (options.text !== undefined && options.text !== null) node.textContent = String(options.text);
    if (options.title) node.title = options.title;
    if (options.attrs) for (const [key, value] of Object.entries(options.attrs)) node.setAttribute(key, value);
    for (const child of children) if (child) node.append(child);
    return node;
  }

  /** `value` to `digits` significant digits; "—" (or `none`) for null and non-finite. */
  function sig(value, digits, none = '—') {
    if (value === null || value === undefined || typeof value !== 'number' || !Number.isFinite(value)) return none;
    if (value === 0) return '0';
    const magnitude = Math.abs(value);
    if (magnitude >= Math.pow(10, digits + 2) || magnitude < 1e-3) {
      return value.toExponential(digits - 1).replace('e+', 'e');
    }
    if (magnitude >= Math.pow(10, digits)) return String(Math.round(value));
    return value.toPrecision(digits);
  }

  function alphaText(alpha) {
    return alpha === null || alpha === undefined ? 'α unknown' : `α = ${alpha}`;
  }

  function setStatus(message, kind = 'error') {
    const status = $('status');
    status.textContent = message || '';
    status.dataset.kind = message ? kind : '';
  }

  function clearStatus() { setStatus(''); }

  /** The message of a failed response: its JSON `error`, else the HTTP status. */
  async function responseError(response) {
    let message = `${response.status} ${response.statusText}`.trim();
    try {
      const body = await response.json();
      if (body && typeof body.error === 'string') message = body.error;
    } catch (_) { /* not JSON: keep the status line */ }
    const error = new Error(message);
    error.status = response.status;
    return error;
  }

  async function fetchJSON(url, signal) {
    const response = await fetch(url, { credentials: 'same-origin', signal });
    if (!response.ok) throw await responseError(response);
    return response.json();
  }

  function sameIds(a, b) {
    return !!a && !!b && a.length === b.length && a.every((value, index) => value === b[index]);
  }

  function distinct(ids) {
    return !!ids && ids.length === 3 && ids.every((id) => Number.isInteger(id)) && new Set(ids).size === 3;
  }

  function className(id) {
    return id >= 0 && id < state.names.length ? state.names[id] : `class ${id}`;
  }

  // ---- class matching -------------------------------------------------------
  /**
   * The classes matching `query`, best first: an exact id, an exact name, names
   * starting with it, ids starting with it, names with a word starting with it,
   * then any name containing it. Returns {ids, total}, at most `limit` ids.
   */
  function matchClasses(query, limit = MAX_MATCHES) {
    const q = query.trim().toLowerCase().replace(/^#/, '');
    const count = state.names.length;
    if (!q) {
      const ids = [];
      for (let id = 0; id < Math.min(limit, count); id++) ids.push(id);
      return { ids, total: count, query: '' };
    }
    const digits = /^\d+$/.test(q);
    const found = [];  // [rank, position, id]
    for (let id = 0; id < count; id++) {
      const name = state.lower[id];
      let rank = -1, position = 0;
      if (digits && String(id) === q) rank = 0;
      else if (name === q) rank = 1;
      else if (name.startsWith(q)) rank = 2;
      else if (digits && String(id).startsWith(q)) { rank = 3; position = String(id).length; }
      else {
        position = name.indexOf(q);
        if (position >= 0) rank = /[\s\-_/(,.:]/.test(name[position - 1]) ? 4 : 5;
      }
      if (rank >= 0) found.push([rank, position, id]);
    }
    found.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
    return { ids: found.slice(0, limit).map((entry) => entry[2]), total: found.length, query: q };
  }

  /**
   * The class `text` names unambiguously, else null: an exact name (case aside),
   * or with `byId` an exact id (not while typing: "4" may become "417").
   */
  function resolveClass(text, byId = true) {
    const q = text.trim().toLowerCase().replace(/^#/, '');
    if (!q) return null;
    const named = state.byName.get(q);
    if (named && named.length === 1) return named[0];
    if (byId && /^\d+$/.test(q)) {
      const id = Number(q);
      if (id < state.names.length && !named) return id;
    }
    return null;
  }

  /** `name` as text nodes, the first occurrence of `query` in a <mark>. */
  function highlighted(name, query) {
    const fragment = document.createDocumentFragment();
    const at = query ? name.toLowerCase().indexOf(query) : -1;
    if (at < 0) { fragment.append(name); return fragment; }
    fragment.append(name.slice(0, at), el('mark', { text: name.slice(at, at + query.length) }), name.slice(at + query.length));
    return fragment;
  }

  // ---- a class box: an input with type-ahead ---------------------------------
  class ClassBox {
    constructor(slot, input) {
      this.slot = slot;
      this.input = input;
      this.badge = input.parentElement.querySelector('.class-id');
      this.list = input.parentElement.querySelector('.matches');
      this.id = null;          // the committed class
      this.shown = [];         // ids listed in the dropdown
      this.active = -1;        // index in `shown` of the highlighted row

      input.addEventListener('input', () => this.onInput());
      input.addEventListener('keydown', (event) => this.onKey(event));
      input.addEventListener('focus', () => input.select());
      input.addEventListener('click', () => { if (this.list.hidden) this.open(this.queryText()); });
      input.addEventListener('blur', () => this.onBlur());
      // mousedown, not click: the input must not lose focus before the pick.
      this.list.addEventListener('mousedown', (event) => {
        const row = event.target.closest('li[data-id]');
        event.preventDefault();
        if (row) this.pick(Number(row.dataset.id));
      });
    }

    /** The typed text as a query: empty when it still shows the committed class. */
    queryText() {
      return this.id !== null && this.input.value === state.names[this.id] ? '' : this.input.value;
    }

    /** Shows `id` in the box without telling anyone (leaving alone what is being typed). */
    show(id) {
      const typing = document.activeElement === this.input && !this.list.hidden && id === this.id;
      this.id = id;
      if (!typing) this.input.value = id === null ? '' : state.names[id];
      this.badge.textContent = id === null ? '' : `#${id}`;
      this.input.title = id === null ? '' : `${state.names[id]} (id ${id})`;
      this.input.removeAttribute('aria-invalid');
    }

    /** Commits `id` and closes the dropdown. */
    pick(id) {
      const changed = id !== this.id;
      this.close();
      this.show(id);
      if (changed) onBoxesChanged();
    }

    onInput() {
      const text = this.input.value;
      this.open(text);
      const resolved = resolveClass(text, false);
      this.input.removeAttribute('aria-invalid');
      this.badge.textContent = resolved === null ? '' : `#${resolved}`;
      if (resolved !== null && resolved !== this.id) {
        this.id = resolved;
        onBoxesChanged();
      }
    }

    onBlur() {
      this.close();
      const resolved = resolveClass(this.input.value);
      if (resolved !== null && resolved !== this.id) { this.pick(resolved); return; }
      this.show(this.id);   // back to the committed class
    }

    onKey(event) {
      const open = !this.list.hidden;
      switch (event.key) {
        case 'ArrowDown':
        case 'ArrowUp': {
          event.preventDefault();
          if (!open) { this.open(this.queryText()); return; }
          if (!this.shown.length) return;
          const step = event.key === 'ArrowDown' ? 1 : -1;
          this.setActive((this.active + step + this.shown.length) % this.shown.length);
          return;
        }
        case 'PageDown':
        case 'PageUp':
          if (open && this.shown.length) {
            event.preventDefault();
            const step = event.key === 'PageDown' ? 10 : -10;
            this.setActive(Math.max(0, Math.min(this.shown.length - 1, this.active + step)));
          }
          return;
        case 'Enter': {
          event.preventDefault();
          if (open && this.active >= 0) { this.pick(this.shown[this.active]); return; }
          const resolved = resolveClass(this.input.value);
          if (resolved !== null) this.pick(resolved);
          return;
        }
        case 'Escape':
          if (open) { event.preventDefault(); event.stopPropagation(); this.close(); }
          else this.show(this.id);
          return;
        case 'Tab':
          if (open && this.active >= 0 && this.queryText().trim()) this.pick(this.shown[this.active]);
          return;
        default:
      }
    }

    open(text) {
      const { ids, total, query } = matchClasses(text);
      this.shown = ids;
      this.list.replaceChildren();
      ids.forEach((id, index) => {
        const row = el('li', { attrs: { role: 'option', id: `${this.input.id}-option-${index}`, 'data-id': String(id) } });
        row.append(el('span', { className: 'match-name' }, [highlighted(state.names[id], query)]),
                   el('span', { className: 'match-id', text: `#${id}` }));
        if (state.boxes.some((box) => box !== this && box.id === id)) {
          row.classList.add('taken');
          row.title = 'already in another box';
        }
        this.list.append(row);
      });
      if (!ids.length) {
        this.list.append(el('li', { className: 'more', text: 'no class matches', attrs: { 'aria-disabled': 'true' } }));
      } else if (total > ids.length) {
        this.list.append(el('li', { className: 'more', text: `${total - ids.length} more: keep typing`, attrs: { 'aria-disabled': 'true' } }));
      }
      this.list.hidden = false;
      this.input.setAttribute('aria-expanded', 'true');
      this.setActive(ids.length ? 0 : -1);
    }

    setActive(index) {
      this.active = index;
      const rows = this.list.querySelectorAll('li[data-id]');
      rows.forEach((row, i) => row.setAttribute('aria-selected', i === index ? 'true' : 'false'));
      if (index >= 0 && rows[index]) {
        this.input.setAttribute('aria-activedescendant', rows[index].id);
        rows[index].scrollIntoView({ block: 'nearest' });
      } else {
        this.input.removeAttribute('aria-activedescendant');
      }
    }

    close() {
      this.list.hidden = true;
      this.list.replaceChildren();
      this.shown = [];
      this.active = -1;
      this.input.setAttribute('aria-expanded', 'false');
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  // ---- the triplet ---------------------------------------------------------
  function boxIds() { return state.boxes.map((box) => box.id); }

  /** Called whenever a box commits a class: load when the three are distinct. */
  function onBoxesChanged() {
    const ids = boxIds();
    if (ids.some((id) => id === null)) return;
    if (!distinct(ids)) {
      state.boxes.forEach((box, i) => {
        if (ids.indexOf(box.id) !== i || ids.lastIndexOf(box.id) !== i) box.input.setAttribute('aria-invalid', 'true');
      });
      setStatus('Pick three different classes.', 'note');
      updateExports();
      return;
    }
    setTriplet(ids, { push: true });
  }

  /** Shows `ids` in the boxes, the URL and the exports, and loads its panels. */
  function setTriplet(ids, { push = false } = {}) {
    state.boxes.forEach((box, i) => box.show(ids[i]));
    state.triplet = ids.slice();
    writeHash(ids, push);
    updateExports();
    markSuggestions();
    const key = ids.join(',');
    if (key === state.pendingKey) return;             // already on its way
    if (key === state.loadedKey && state.data) {      // back to the panels shown
      cancelPending();
      clearStatus();
      document.body.dataset.state = 'ready';
      return;
    }
    loadPanels(ids);
  }

  function cancelPending() {
    if (state.controller) state.controller.abort();
    state.controller = null;
    state.pendingKey = '';
    state.sequence++;
  }

  function hashTriplet() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    const raw = params.get('classes');
    if (!raw || !/^\d+,\d+,\d+$/.test(raw)) return null;
    const ids = raw.split(',').map(Number);
    return distinct(ids) && ids.every((id) => id < state.names.length) ? ids : null;
  }

  /** Keeps the triplet in the hash; the path and query (?token=…) stay as they are. */
  function writeHash(ids, push) {
    const hash = `#classes=${ids.join(',')}`;
    if (location.hash === hash) return;
    const url = `${location.pathname}${location.search}${hash}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  function onHashChange() {
    if (!state.session) return;
    const ids = hashTriplet();
    if (ids && !sameIds(ids, state.triplet)) setTriplet(ids);
  }

  // ---- header, suggestions, legend, exports ---------------------------------
  function renderRuns() {
    const list = $('runs');
    list.replaceChildren();
    for (const run of state.session.runs) {
      list.append(el('li', { title: run.source }, [
        el('span', { className: 'run-label', text: run.label }),
        el('span', { className: 'run-alpha', text: alphaText(run.alpha) }),
      ]));
    }
  }

  function renderSuggestions() {
    const suggestions = state.session.suggestions;
    const holder = $('suggestions');
    const note = $('suggestions-note');
    holder.replaceChildren();
    if (!suggestions) {
      const why = state.session.suggestions_note;
      note.textContent = why
        ? `No suggestions: ${why}`
        : 'No suggestions: these runs cannot be ranked by confusion '
          + `(K = ${state.names.length} is past the triplet search's limit, or the logits are too large).`;
      note.append(el('span', { className: 'hint', text: ' Type class names or ids in the boxes.' }));
      return;
    }
    note.textContent = `Ranked as --auto ranks them: the mean mutual confusion of the three pairs, on the ${suggestions.split} split`
      + (suggestions.exact ? '.' : ' (the search reached a bound: near-best).');
    const lists = [['similar', 'Most similar', 'most confused'], ['different', 'Most different', 'least confused']];
    for (const [key, title, hint] of lists) {
      const entries = suggestions[key] || [];
      const section = el('section', { className: `suggestion-list ${key}` }, [
        el('h3', {}, [document.createTextNode(title), el('span', { className: 'note', text: ` ${hint}` })]),
      ]);
      const list = el('ol', { attrs: { id: `suggest-${key}` } });
      for (const entry of entries) {
        const names = entry.names && entry.names.length === 3 ? entry.names : entry.ids.map(className);
        const button = el('button', {
          className: 'suggestion',
          attrs: { type: 'button', 'data-ids': entry.ids.join(','), 'data-list': key },
          title: `${names.join(', ')} (ids ${entry.ids.join(', ')}): score ${entry.score}`,
        });
        const label = el('span', { className: 'suggestion-names' });
        names.forEach((name, i) => {
          if (i) label.append(el('span', { className: 'sep', text: ' · ' }));
          label.append(el('span', { text: name }));
        });
        button.append(label, el('span', { className: 'score', text: sig(entry.score, 3) }));
        button.addEventListener('click', () => {
          const ids = entry.ids.slice();
          if (distinct(ids)) { clearStatus(); setTriplet(ids, { push: true }); }
        });
        list.append(el('li', {}, [button]));
      }
      if (!entries.length) list.append(el('li', { className: 'note', text: 'none' }));
      section.append(list);
      holder.append(section);
    }
    markSuggestions();
  }

  function markSuggestions() {
    const current = state.triplet ? state.triplet.slice().sort((x, y) => x - y).join(',') : '';
    document.querySelectorAll('button.suggestion').forEach((button) => {
      const ids = button.dataset.ids.split(',').map(Number).sort((x, y) => x - y).join(',');
      button.setAttribute('aria-pressed', ids === current ? 'true' : 'false');
    });
  }

  /** The legend of the panels shown (not of the boxes: a failed or pending triplet has none yet). */
  function updateLegend() {
    const legend = $('legend');
    legend.replaceChildren();
    const ids = state.data ? state.data.ids : [];
    ids.forEach((id, slot) => {
      legend.append(el('span', { className: 'legend-item', attrs: { 'data-slot': String(slot) } }, [
        el('span', { className: `dot slot-${slot}` }),   // colours in CSS: the page's CSP forbids inline styles
        el('span', { text: state.data.names && state.data.names[slot] !== undefined ? state.data.names[slot] : className(id) }),
        el('span', { className: 'legend-id', text: `#${id}` }),
      ]));
    });
    if (ids.length) {
      legend.append(el('span', { className: 'legend-item legend-template' }, [
        el('span', { className: 'template-dot' }), el('span', { text: 'class template' }),
      ]));
      legend.append(el('span', { className: 'legend-item note',
        text: `panels past ${DENSITY_THRESHOLD.toLocaleString('en-US')} points are shaded as densities` }));
    }
  }

  function updateExports() {
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

  async function copyCommand() {
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

  // ---- the panels: fetch and parse ------------------------------------------
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

  async function loadPanels(ids) {
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

  // ---- the grid of panels -----------------------------------------------------
  /** After a failed load: no panels (the old ones would belie the boxes), a line saying so. */
  function showNoPanels(ids) {
    state.data = null;
    state.loadedKey = '';
    state.hover = null;
    hideTooltip();
    $('grid').replaceChildren(el('p', { className: 'empty', text: `No panels for classes ${ids.map(className).join(', ')}: see the message above.` }));
    updateLegend();
    renderTripletTable();
    renderPinned();
  }

  function buildGrid() {
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
  function updateScrollNote() {
    const grid = $('grid');
    const note = $('scroll-note');
    const hidden = grid.scrollWidth - grid.clientWidth;
    if (!state.data || hidden <= 1) { note.hidden = true; return; }
    const atEnd = grid.scrollLeft >= hidden - 1;
    note.textContent = atEnd ? `← ${state.data.panels.length} panels: scroll sideways` : `${state.data.panels.length} panels: scroll sideways →`;
    note.hidden = false;
  }

  /** The padded bounds of a panel's points and templates, in data units. */
  function panelBounds(panel) {
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    const { x, y, n } = panel;
    for (let i = 0; i < n; i++) {
      const px = x[i], py = y[i];
      if (px === px && py === py && px !== Infinity && px !== -Infinity && py !== Infinity && py !== -Infinity) {
        if (px < minX) minX = px; if (px > maxX) maxX = px;
        if (py < minY) minY = py; if (py > maxY) maxY = py;
      }
    }
    for (const t of panel.meta.templates || []) {
      if (Number.isFinite(t[0]) && Number.isFinite(t[1])) {
        minX = Math.min(minX, t[0]); maxX = Math.max(maxX, t[0]);
        minY = Math.min(minY, t[1]); maxY = Math.max(maxY, t[1]);
      }
    }
    if (!(minX <= maxX)) { minX = 0; maxX = 1; minY = 0; maxY = 1; }
    // pad: 4 % of the larger extent, and at least a template marker's reach inside the frame
    const reach = TEMPLATE_RADIUS + 2;
    const fraction = Math.max(0.04, reach / (PLOT - 2 * reach));
    let extent = Math.max(maxX - minX, maxY - minY);
    if (extent <= 0) extent = Math.max(Math.abs(minX), Math.abs(minY), 1) / 5;
    const pad = fraction * extent;
    return { minX: minX - pad, maxX: maxX + pad, minY: minY - pad, maxY: maxY + pad };
  }

  /** Equal-aspect limits per panel: each its own, or one scale and window for all. */
  function solveLimits(panels) {
    const bounds = panels.map(panelBounds);
    const square = (b) => {
      const cx = (b.minX + b.maxX) / 2, cy = (b.minY + b.maxY) / 2;
      const unitsPerPx = Math.max(b.maxX - b.minX, b.maxY - b.minY) / PLOT;
      return { cx, cy, unitsPerPx };
    };
    if (state.axes === 'shared' && bounds.length) {
      const union = bounds.reduce((u, b) => ({
        minX: Math.min(u.minX, b.minX), maxX: Math.max(u.maxX, b.maxX),
        minY: Math.min(u.minY, b.minY), maxY: Math.max(u.maxY, b.maxY),
      }));
      const shared = square(union);
      return bounds.map(() => shared);
    }
    return bounds.map(square);
  }

  function makeTransform(limits) {
    const { cx, cy, unitsPerPx } = limits;
    const x0 = cx - unitsPerPx * PLOT / 2, y0 = cy - unitsPerPx * PLOT / 2;
    return {
      unitsPerPx, x0, y0, x1: x0 + unitsPerPx * PLOT, y1: y0 + unitsPerPx * PLOT,
      px: (x) => MARGIN.left + (x - x0) / unitsPerPx,
      py: (y) => MARGIN.top + PLOT - (y - y0) / unitsPerPx,
    };
  }

  /** Draws every panel; returns the time taken in ms. */
  function drawAll() {
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

  function sizeCanvas(canvas) {
    const dpr = state.dpr;
    const width = Math.round(CANVAS_W * dpr), height = Math.round(CANVAS_H * dpr);
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    canvas.style.width = `${CANVAS_W}px`;
    canvas.style.height = `${CANVAS_H}px`;
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, CANVAS_W, CANVAS_H);
    return ctx;
  }

  /** The slot (0, 1, 2) of each class id of the triplet, -1 for others. */
  function slotOf(id) {
    const ids = state.data.ids;
    return id === ids[0] ? 0 : id === ids[1] ? 1 : id === ids[2] ? 2 : -1;
  }

  function drawPanel(panel) {
    const ctx = sizeCanvas(panel.canvas);
    sizeCanvas(panel.overlay);
    const tf = panel.transform;

    ctx.fillStyle = '#ffffff';
    ctx.fillRect(MARGIN.left, MARGIN.top, PLOT, PLOT);
    const ticks = niceTicks(tf);
    drawGrid(ctx, tf, ticks);

    ctx.save();
    ctx.beginPath();
    ctx.rect(MARGIN.left, MARGIN.top, PLOT, PLOT);
    ctx.clip();
    const dense = panel.n > DENSITY_THRESHOLD;
    panel.drawn = dense ? drawDensity(ctx, panel) : drawPoints(ctx, panel);
    ctx.restore();

    drawFrame(ctx, tf, ticks);
    drawTemplates(ctx, panel);

    panel.canvas.dataset.points = String(panel.drawn);
    panel.canvas.dataset.mode = dense ? 'density' : 'points';
  }

  /** A round marker of each class colour, at the canvas's resolution. */
  function pointSprites() {
    const dpr = state.dpr;
    if (pointSprites.cache && pointSprites.cache.dpr === dpr) return pointSprites.cache.sprites;
    const side = Math.ceil(POINT_DIAMETER * dpr) + 2;
    const sprites = COLORS.map((color) => {
      const sprite = document.createElement('canvas');
      sprite.width = side; sprite.height = side;
      const c = sprite.getContext('2d');
      c.fillStyle = color;
      c.beginPath();
      c.arc(side / 2, side / 2, POINT_DIAMETER * dpr / 2, 0, 2 * Math.PI);
      c.fill();
      return sprite;
    });
    pointSprites.cache = { dpr, sprites: { images: sprites, css: side / dpr } };
    return pointSprites.cache.sprites;
  }

  /** Each point as a small translucent disc, in the order given. */
  function drawPoints(ctx, panel) {
    const { images, css } = pointSprites();
    const tf = panel.transform;
    const half = css / 2;
    const { x, y, label, n } = panel;
    const ids = state.data.ids;
    ctx.globalAlpha = POINT_ALPHA;
    let drawn = 0;
    for (let i = 0; i < n; i++) {
      const id = label[i];
      const slot = id === ids[0] ? 0 : id === ids[1] ? 1 : id === ids[2] ? 2 : -1;
      const px = MARGIN.left + (x[i] - tf.x0) / tf.unitsPerPx;
      const py = MARGIN.top + PLOT - (y[i] - tf.y0) / tf.unitsPerPx;
      if (slot < 0 || !(px === px) || !(py === py)) continue;
      ctx.drawImage(images[slot], px - half, py - half, css, css);
      drawn++;
    }
    ctx.globalAlpha = 1;
    return drawn;
  }

  /** Weights of a disc `diameter` cells across, spread over the cells around a centre cell. */
  function discKernel(diameter) {
    const radius = diameter / 2;
    const reach = Math.ceil(radius + 0.5);
    const side = 2 * reach + 1, samples = 8;
    const weights = new Float32Array(side * side);
    for (let row = 0; row < side; row++) {
      for (let column = 0; column < side; column++) {
        let inside = 0;
        for (let sy = 0; sy < samples; sy++) {
          for (let sx = 0; sx < samples; sx++) {
            const dx = column - reach - 0.5 + (sx + 0.5) / samples;
            const dy = row - reach - 0.5 + (sy + 0.5) / samples;
            if (dx * dx + dy * dy <= radius * radius) inside++;
          }
        }
        weights[row * side + column] = inside / (samples * samples);
      }
    }
    return { reach, side, weights };
  }

  /**
   * Per-class densities in place of points, as the PNG renderer shades large
   * panels: points are counted per device pixel and spread over the disc a marker
   * would cover (coverage v); a class takes the opacity min(v, 1)·0.3 + 0.65·ln(1+v)/ln(1+v_max),
   * so lone points look like markers and dense cores keep their structure; where
   * classes overlap the opacities combine as 1 − ∏(1 − o) and the colour is the
   * opacity-weighted mean of the class colours.
   */
  function drawDensity(ctx, panel) {
    const dpr = state.dpr;
    const side = Math.max(1, Math.round(PLOT * dpr));
    const cells = side * side;
    const tf = panel.transform;
    const scale = dpr / tf.unitsPerPx;
    const { x, y, label, n } = panel;
    const ids = state.data.ids;
    const counts = [new Float32Array(cells), new Float32Array(cells), new Float32Array(cells)];
    let drawn = 0;
    for (let i = 0; i < n; i++) {
      const id = label[i];
      const slot = id === ids[0] ? 0 : id === ids[1] ? 1 : id === ids[2] ? 2 : -1;
      if (slot < 0) continue;
      const column = Math.floor((x[i] - tf.x0) * scale);
      const row = Math.floor((tf.y1 - y[i]) * scale);
      if (column >= 0 && column < side && row >= 0 && row < side) {
        counts[slot][row * side + column] += 1;
        drawn++;
      }
    }
    if (!drawDensity.kernel || drawDensity.kernel.dpr !== dpr) {
      drawDensity.kernel = { dpr, ...discKernel(POINT_DIAMETER * dpr) };
    }
    const { reach, side: kSide, weights } = drawDensity.kernel;
    const coverage = counts.map((count) => {
      const out = new Float32Array(cells);
      for (let row = 0; row < side; row++) {
        const rowBase = row * side;
        for (let column = 0; column < side; column++) {
          const c = count[rowBase + column];
          if (c === 0) continue;
          for (let dy = -reach; dy <= reach; dy++) {
            const r = row + dy;
            if (r < 0 || r >= side) continue;
            const outBase = r * side, wBase = (dy + reach) * kSide + reach;
            for (let dx = -reach; dx <= reach; dx++) {
              const col = column + dx;
              if (col < 0 || col >= side) continue;
              const w = weights[wBase + dx];
              if (w) out[outBase + col] += c * w;
            }
          }
        }
      }
      return out;
    });
    let vmax = 1;
    for (const cov of coverage) for (let p = 0; p < cells; p++) if (cov[p] > vmax) vmax = cov[p];
    const logMax = Math.log1p(vmax);

    const image = ctx.createImageData(side, side);
    const pixels = image.data;
    const [c0, c1, c2] = coverage;
    for (let p = 0; p < cells; p++) {
      const v0 = c0[p], v1 = c1[p], v2 = c2[p];
      if (v0 === 0 && v1 === 0 && v2 === 0) continue;
      const o0 = v0 > 0 ? Math.min(v0, 1) * 0.3 + 0.65 * Math.log1p(v0) / logMax : 0;
      const o1 = v1 > 0 ? Math.min(v1, 1) * 0.3 + 0.65 * Math.log1p(v1) / logMax : 0;
      const o2 = v2 > 0 ? Math.min(v2, 1) * 0.3 + 0.65 * Math.log1p(v2) / logMax : 0;
      const weight = o0 + o1 + o2;
      const opacity = 1 - (1 - o0) * (1 - o1) * (1 - o2);
      const q = 4 * p;
      pixels[q] = (o0 * RGB[0][0] + o1 * RGB[1][0] + o2 * RGB[2][0]) / weight;
      pixels[q + 1] = (o0 * RGB[0][1] + o1 * RGB[1][1] + o2 * RGB[2][1]) / weight;
      pixels[q + 2] = (o0 * RGB[0][2] + o1 * RGB[1][2] + o2 * RGB[2][2]) / weight;
      pixels[q + 3] = Math.min(255, Math.round(opacity * 255));
    }
    const layer = drawDensity.layer || (drawDensity.layer = document.createElement('canvas'));
    if (layer.width !== side) { layer.width = side; layer.height = side; }
    layer.getContext('2d').putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(layer, MARGIN.left, MARGIN.top, PLOT, PLOT);
    ctx.imageSmoothingEnabled = true;
    return drawn;
  }

  /** Tick positions: a 1-2-5 step giving about five ticks, the same on both axes. */
  function niceTicks(tf) {
    const range = tf.x1 - tf.x0;
    const rough = range / 5;
    const power = Math.pow(10, Math.floor(Math.log10(rough)));
    const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) || 10 * power;
    const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9) + (step / power === 2.5 ? 1 : 0));
    const list = (lo, hi) => {
      const out = [];
      for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + 1e-9 * step; k++) out.push(k * step);
      return out;
    };
    const format = (v) => {
      const text = Math.abs(v) < step * 1e-6 ? '0' : v.toFixed(decimals);
      return text.replace(/^-/, '−');
    };
    return { xs: list(tf.x0, tf.x1), ys: list(tf.y0, tf.y1), format };
  }

  function drawGrid(ctx, tf, ticks) {
    ctx.strokeStyle = '#ececec';
    ctx.lineWidth = 1;
    ctx.beginPath();
    const snap = (v) => Math.round(v * state.dpr) / state.dpr + 0.5 / state.dpr;
    for (const v of ticks.xs) {
      const px = snap(tf.px(v));
      ctx.moveTo(px, MARGIN.top); ctx.lineTo(px, MARGIN.top + PLOT);
    }
    for (const v of ticks.ys) {
      const py = snap(tf.py(v));
      ctx.moveTo(MARGIN.left, py); ctx.lineTo(MARGIN.left + PLOT, py);
    }
    ctx.stroke();
  }

  function drawFrame(ctx, tf, ticks) {
    ctx.strokeStyle = '#9e9e9e';
    ctx.lineWidth = 1;
    ctx.strokeRect(MARGIN.left - 0.5, MARGIN.top - 0.5, PLOT + 1, PLOT + 1);
    ctx.beginPath();
    for (const v of ticks.xs) {
      const px = Math.round(tf.px(v)) + 0.5;
      ctx.moveTo(px, MARGIN.top + PLOT + 0.5); ctx.lineTo(px, MARGIN.top + PLOT + 4);
    }
    for (const v of ticks.ys) {
      const py = Math.round(tf.py(v)) + 0.5;
      ctx.moveTo(MARGIN.left - 0.5, py); ctx.lineTo(MARGIN.left - 4, py);
    }
    ctx.stroke();
    ctx.fillStyle = '#555555';
    ctx.font = `10px ${FONT}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const v of ticks.xs) ctx.fillText(ticks.format(v), tf.px(v), MARGIN.top + PLOT + 6);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const v of ticks.ys) ctx.fillText(ticks.format(v), MARGIN.left - 6, tf.py(v));
  }

  /** The templates: larger discs with a dark outline, named on the side away from their centre. */
  function drawTemplates(ctx, panel) {
    const templates = panel.meta.templates || [];
    const tf = panel.transform;
    const centers = templates.map((t) => [tf.px(t[0]), tf.py(t[1])]);
    if (!centers.length) return;
    const mx = centers.reduce((s, c) => s + c[0], 0) / centers.length;
    const my = centers.reduce((s, c) => s + c[1], 0) / centers.length;
    ctx.font = `11.5px ${FONT}`;
    centers.forEach(([cx, cy], slot) => {
      if (!Number.isFinite(cx) || !Number.isFinite(cy)) return;
      ctx.beginPath();
      ctx.arc(cx, cy, TEMPLATE_RADIUS, 0, 2 * Math.PI);
      ctx.fillStyle = COLORS[slot];
      ctx.fill();
      ctx.lineWidth = 1.3;
      ctx.strokeStyle = '#1a1a1a';
      ctx.stroke();
    });
    const side = 0.3827;
    centers.forEach(([cx, cy], slot) => {
      if (!Number.isFinite(cx) || !Number.isFinite(cy)) return;
      const name = state.data.names && state.data.names[slot] !== undefined ? state.data.names[slot] : className(state.data.ids[slot]);
      let dx = cx - mx, dy = cy - my;
      const length = Math.hypot(dx, dy);
      if (length < 1e-6) { dx = 0.7071; dy = -0.7071; } else { dx /= length; dy /= length; }
      const reach = TEMPLATE_RADIUS + 4;
      const ax = cx + dx * reach, ay = cy + dy * reach;
      const width = ctx.measureText(name).width, height = 12;
      const inLeft = MARGIN.left + 3, inRight = MARGIN.left + PLOT - 3;
      // left edge and top of the label box for the anchor; a label that would
      // cross the frame goes to the marker's other side, else is pushed inside.
      let left = dx > side ? ax : dx < -side ? ax - width : ax - width / 2;
      if (left + width > inRight && dx > side) left = cx - reach - width;
      else if (left < inLeft && dx < -side) left = cx + reach;
      let top = dy > side ? ay : dy < -side ? ay - height : ay - height / 2;
      if (width <= inRight - inLeft) left = Math.max(inLeft, Math.min(inRight - width, left));
      else left = Math.max(2, Math.min(CANVAS_W - 2 - width, left));
      top = Math.max(MARGIN.top + 2, Math.min(MARGIN.top + PLOT - height - 2, top));
      ctx.textAlign = 'left';
      ctx.textBaseline = 'top';
      ctx.lineJoin = 'round';
      ctx.lineWidth = 3;
      ctx.strokeStyle = 'rgba(255,255,255,0.9)';
      ctx.strokeText(name, left, top);
      ctx.fillStyle = '#1f1f1f';
      ctx.fillText(name, left, top);
    });
  }

  // ---- hit testing -----------------------------------------------------------------
  /** A grid of HIT_CELL px cells over the canvas, holding each point's index, by cell. */
  function buildHitIndex(panel) {
    const tf = panel.transform;
    const { x, y, label, n } = panel;
    const columns = Math.ceil(CANVAS_W / HIT_CELL), rows = Math.ceil(CANVAS_H / HIT_CELL);
    const px = new Float32Array(n), py = new Float32Array(n);
    const cellOf = new Int32Array(n);
    const starts = new Int32Array(columns * rows + 1);
    for (let i = 0; i < n; i++) {
      const u = MARGIN.left + (x[i] - tf.x0) / tf.unitsPerPx;
      const v = MARGIN.top + PLOT - (y[i] - tf.y0) / tf.unitsPerPx;
      px[i] = u; py[i] = v;
      if (!(u >= MARGIN.left && u <= MARGIN.left + PLOT && v >= MARGIN.top && v <= MARGIN.top + PLOT) || slotOf(label[i]) < 0) {
        cellOf[i] = -1;
        continue;
      }
      const cell = Math.min(rows - 1, Math.floor(v / HIT_CELL)) * columns + Math.min(columns - 1, Math.floor(u / HIT_CELL));
      cellOf[i] = cell;
      starts[cell + 1]++;
    }
    for (let c = 0; c < columns * rows; c++) starts[c + 1] += starts[c];
    const fill = starts.slice(0, columns * rows);
    const order = new Int32Array(starts[columns * rows]);
    for (let i = 0; i < n; i++) if (cellOf[i] >= 0) order[fill[cellOf[i]]++] = i;
    panel.hit = { columns, rows, starts, order, px, py };
  }

  /** The index of the point nearest (u, v) within HIT_RADIUS, or -1. */
  function nearestPoint(panel, u, v) {
    const hit = panel.hit;
    if (!hit) return -1;
    const { columns, rows, starts, order, px, py } = hit;
    const c0 = Math.max(0, Math.floor((u - HIT_RADIUS) / HIT_CELL)), c1 = Math.min(columns - 1, Math.floor((u + HIT_RADIUS) / HIT_CELL));
    const r0 = Math.max(0, Math.floor((v - HIT_RADIUS) / HIT_CELL)), r1 = Math.min(rows - 1, Math.floor((v + HIT_RADIUS) / HIT_CELL));
    let best = -1, bestD = HIT_RADIUS * HIT_RADIUS;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = r * columns + c;
        for (let k = starts[cell]; k < starts[cell + 1]; k++) {
          const i = order[k];
          const dx = px[i] - u, dy = py[i] - v;
          const d = dx * dx + dy * dy;
          if (d <= bestD) { bestD = d; best = i; }
        }
      }
    }
    return best;
  }

  function canvasPoint(panel, event) {
    const rect = panel.canvas.getBoundingClientRect();
    return [(event.clientX - rect.left) * CANVAS_W / rect.width, (event.clientY - rect.top) * CANVAS_H / rect.height];
  }

  function onPointerMove(panel, event) {
    const [u, v] = canvasPoint(panel, event);
    const index = nearestPoint(panel, u, v);
    const previous = state.hover;
    if (index < 0) {
      if (previous) { state.hover = null; drawOverlay(previous.panel); }
      panel.canvas.style.cursor = 'crosshair';
      hideTooltip();
      return;
    }
    panel.canvas.style.cursor = 'pointer';
    if (!previous || previous.panel !== panel || previous.index !== index) {
      state.hover = { panel, index };
      if (previous && previous.panel !== panel) drawOverlay(previous.panel);
      drawOverlay(panel);
    }
    showTooltip(panel, index, event.clientX, event.clientY);
  }

  function onPointerLeave(panel) {
    if (state.hover && state.hover.panel === panel) {
      state.hover = null;
      drawOverlay(panel);
    }
    hideTooltip();
  }

  function onPanelClick(panel, event) {
    const [u, v] = canvasPoint(panel, event);
    const index = nearestPoint(panel, u, v);
    if (index < 0) setPin(null);
    else setPin({ split: panel.split, example: panel.example[index] });
  }

  function showTooltip(panel, index, clientX, clientY) {
    const tip = $('tooltip');
    const truth = panel.label[index], predicted = panel.predicted[index];
    tip.replaceChildren(
      el('span', { text: `example ${panel.example[index]} · ` }),
      el('span', { text: `true: ${className(truth)}` }),
      el('span', { text: ' · ' }),
      el('span', { className: predicted === truth ? 'right' : 'wrong',
        text: `predicted: ${className(predicted)} (${panel.confidence[index].toFixed(2)})` }),
    );
    tip.hidden = false;
    const pad = 14;
    const width = tip.offsetWidth, height = tip.offsetHeight;
    let left = clientX + pad, top = clientY + pad;
    if (left + width > window.innerWidth - 4) left = clientX - pad - width;
    if (top + height > window.innerHeight - 4) top = clientY - pad - height;
    tip.style.left = `${Math.max(4, left)}px`;
    tip.style.top = `${Math.max(4, top)}px`;
  }

  function hideTooltip() { $('tooltip').hidden = true; }

  // ---- pinning -----------------------------------------------------------------------
  function findExample(panel, example) {
    const examples = panel.example;
    for (let i = 0; i < panel.n; i++) if (examples[i] === example) return i;
    return -1;
  }

  function setPin(pin) {
    state.pinned = pin;
    if (state.data) {
      for (const panel of state.data.panels) {
        panel.pinIndex = pin && panel.split === pin.split ? findExample(panel, pin.example) : -1;
      }
    }
    drawOverlays();
    renderPinned();
  }

  /** After a new triplet: keep the pin when its example is still shown, else drop it. */
  function keepOrDropPin() {
    const pin = state.pinned;
    if (!pin) return;
    let found = false;
    for (const panel of state.data.panels) {
      panel.pinIndex = panel.split === pin.split ? findExample(panel, pin.example) : -1;
      if (panel.pinIndex >= 0) found = true;
    }
    if (!found) state.pinned = null;
    drawOverlays();
  }

  function drawOverlays() {
    if (!state.data) return;
    for (const panel of state.data.panels) drawOverlay(panel);
  }

  function drawOverlay(panel) {
    const canvas = panel.overlay;
    if (!canvas) return;
    const ctx = canvas.getContext('2d');
    ctx.setTransform(state.dpr, 0, 0, state.dpr, 0, 0);
    ctx.clearRect(0, 0, CANVAS_W, CANVAS_H);
    const ring = (i, radius, width, color) => {
      const u = panel.hit.px[i], v = panel.hit.py[i];
      if (!Number.isFinite(u) || !Number.isFinite(v)) return;
      ctx.beginPath();
      ctx.arc(u, v, radius, 0, 2 * Math.PI);
      ctx.lineWidth = width + 2.5;
      ctx.strokeStyle = 'rgba(255,255,255,0.95)';
      ctx.stroke();
      ctx.lineWidth = width;
      ctx.strokeStyle = color;
      ctx.stroke();
    };
    ctx.save();
    ctx.beginPath();
    ctx.rect(MARGIN.left, MARGIN.top, PLOT, PLOT);
    ctx.clip();
    if (state.pinned && panel.pinIndex >= 0) ring(panel.pinIndex, 6.5, 2, '#d1005e');
    if (state.hover && state.hover.panel === panel) ring(state.hover.index, 4.5, 1.3, '#111111');
    ctx.restore();
    panel.canvas.dataset.pinned = state.pinned && panel.pinIndex >= 0 ? String(state.pinned.example) : '';
  }

  function renderPinned() {
    const holder = $('pinned');
    holder.replaceChildren();
    const pin = state.pinned;
    if (!pin || !state.data) {
      holder.append(el('p', { className: 'note', text: 'Click a point to pin it: it is ringed in every panel of its split. Click empty space to unpin.' }));
      holder.dataset.example = '';
      return;
    }
    holder.dataset.example = String(pin.example);
    holder.dataset.split = pin.split;
    const rows = state.data.panels.filter((panel) => panel.split === pin.split);
    const first = rows.find((panel) => panel.pinIndex >= 0);
    const truth = first ? first.label[first.pinIndex] : null;
    const head = el('p', { className: 'pinned-head' }, [
      el('strong', { text: `example ${pin.example}` }),
      el('span', { text: ` · ${pin.split} · true: ${truth === null ? '—' : className(truth)}` }),
    ]);
    const unpin = el('button', { className: 'link-button', text: 'unpin', attrs: { type: 'button', id: 'unpin' } });
    unpin.addEventListener('click', () => setPin(null));
    head.append(' ', unpin);
    holder.append(head);
    const table = el('table', { className: 'numbers-table compact' });
    table.append(el('thead', {}, [el('tr', {}, ['run', 'predicted', 'confidence', 'x', 'y']
      .map((text, i) => el('th', { text, className: i >= 2 ? 'num' : '' })))]));
    const body = el('tbody');
    for (const panel of rows) {
      const i = panel.pinIndex;
      const tr = el('tr', {}, [el('td', { text: panel.run })]);
      if (i < 0) {
        tr.append(el('td', { className: 'note', text: "not in this panel's rows", attrs: { colspan: '4' } }));
      } else {
        const predicted = panel.predicted[i];
        tr.append(
          el('td', { text: className(predicted), className: predicted === panel.label[i] ? 'right' : 'wrong' }),
          el('td', { className: 'num', text: panel.confidence[i].toFixed(3) }),
          el('td', { className: 'num', text: sig(panel.x[i], 4) }),
          el('td', { className: 'num', text: sig(panel.y[i], 4) }),
        );
      }
      body.append(tr);
    }
    table.append(body);
    holder.append(table);
  }

  // ---- tables ------------------------------------------------------------------------
  function headerCell(text, options = {}) {
    return el('th', { text, title: options.title, className: options.num ? 'num' : '', attrs: { scope: 'col' } });
  }

  function renderTripletTable() {
    const table = $('triplet-table');
    table.replaceChildren();
    if (!state.data) return;
    const { ids, names } = state.data;
    const head = el('tr', {}, [headerCell('run'), headerCell('split')]);
    ids.forEach((id, slot) => {
      const th = el('th', { className: 'num', attrs: { scope: 'col' }, title: `RMS distance to the centroid of ${names[slot]} (id ${id})` }, [
        el('span', { className: `dot slot-${slot}` }),   // colours in CSS: the page's CSP forbids inline styles
        el('span', { text: `spread ${SLOT_NAMES[slot]}` }),
      ]);
      head.append(th);
    });
    head.append(headerCell('separation', { num: true, title: 'mean pairwise template distance in the plane' }),
                headerCell('tightness', { num: true, title: 'mean spread / separation (smaller is tighter)' }));
    table.append(el('thead', {}, [head]));
    const body = el('tbody');
    for (const panel of state.data.panels) {
      const metrics = panel.meta.metrics || {};
      const spreads = metrics.spreads || [];
      const tr = el('tr', {}, [el('td', { text: panel.run }), el('td', { text: panel.split })]);
      for (let slot = 0; slot < 3; slot++) {
        const entry = spreads[slot];
        tr.append(el('td', { className: 'num', text: sig(entry ? entry.spread : null, 4),
          title: entry ? `${entry.name}: ${entry.n} examples` : '' }));
      }
      tr.append(el('td', { className: 'num', text: sig(metrics.separation, 4) }),
                el('td', { className: 'num', text: sig(metrics.tightness, 4) }));
      body.append(tr);
    }
    table.append(body);
  }

  const SPLIT_COLUMNS = [
    ['accuracy', 'top-1 accuracy'],
    ['within', 'RMS distance of an example to its class mean'],
    ['between', 'mean distance between class means'],
    ['cluster_ratio', 'within / between'],
    ['gap', 'mean margin of the true logit over the mean wrong logit'],
    ['ls_gap', 'the gap label smoothing α drives toward'],
    ['incorrect_spread', 'mean std of the wrong logits'],
    ['distance_cv', 'how unequal the distances to the wrong templates are'],
  ];

  function renderSplitsTable() {
    const table = $('splits-table');
    table.replaceChildren();
    const head = el('tr', {}, [headerCell('run'), headerCell('split'), headerCell('n', { num: true })]);
    for (const [key, title] of SPLIT_COLUMNS) head.append(headerCell(key, { num: true, title }));
    table.append(el('thead', {}, [head]));
    const body = el('tbody');
    for (const run of state.session.runs) {
      for (const split of run.splits || []) {
        const metrics = split.metrics || {};
        const tr = el('tr', {}, [el('td', { text: run.label }), el('td', { text: split.name }),
          el('td', { className: 'num', text: split.n !== undefined ? String(split.n) : sig(metrics.n, 4),
            title: split.shown !== undefined && split.shown < split.n ? `${split.shown} rows kept for the panels` : '' })]);
        for (const [key] of SPLIT_COLUMNS) tr.append(el('td', { className: 'num', text: sig(metrics[key], 4) }));
        body.append(tr);
      }
    }
    table.append(body);
  }

  // ---- calibration tab ---------------------------------------------------------------
  function selectTab(name) {
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

  async function loadCalibration() {
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

  // ---- start -------------------------------------------------------------------------
  function watchPixelRatio() {
    const query = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    const onChange = () => {
      query.removeEventListener('change', onChange);
      if (state.data) drawAll();
      watchPixelRatio();
    };
    query.addEventListener('change', onChange);
  }

  async function start() {
    document.body.dataset.state = 'loading';
    document.body.dataset.tab = 'planes';
    state.boxes = ['class-a', 'class-b', 'class-c'].map((id, slot) => new ClassBox(slot, $(id)));

    $('tab-planes').addEventListener('click', () => selectTab('planes'));
    $('tab-calibration').addEventListener('click', () => selectTab('calibration'));
    document.querySelector('.tabs').addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      const next = document.body.dataset.tab === 'calibration' ? 'planes' : 'calibration';
      selectTab(next);
      $(`tab-${next}`).focus();
    });
    $('axes').addEventListener('change', (event) => {
      state.axes = event.target.value === 'shared' ? 'shared' : 'independent';
      updateExports();
      if (state.data) drawAll();
    });
    $('download-format').addEventListener('change', updateExports);
    $('download').addEventListener('click', (event) => {
      if ($('download').getAttribute('aria-disabled') === 'true') event.preventDefault();
    });
    $('copy-command').addEventListener('click', copyCommand);
    window.addEventListener('hashchange', onHashChange);
    window.addEventListener('popstate', onHashChange);
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && state.pinned && !event.target.closest('input, select')) setPin(null);
    });
    watchPixelRatio();
    window.addEventListener('resize', updateScrollNote);
    $('grid').addEventListener('scroll', updateScrollNote, { passive: true });
    state.axes = $('axes').value === 'shared' ? 'shared' : 'independent';

    let session;
    try {
      session = await fetchJSON('/api/session');
    } catch (error) {
      setStatus(`Could not load the session: ${error.message || error}`);
      document.body.dataset.state = 'error';
      return;
    }
    state.session = session;
    state.names = (session.classes || []).map(String);
    state.lower = state.names.map((name) => name.toLowerCase());
    state.byName = new Map();
    state.lower.forEach((name, id) => {
      if (!state.byName.has(name)) state.byName.set(name, []);
      state.byName.get(name).push(id);
    });
    renderRuns();
    renderSuggestions();
    renderSplitsTable();
    updateExports();

    const initial = hashTriplet() || (distinct(session.initial) ? session.initial : null)
      || (state.names.length >= 3 ? [0, 1, 2] : null);
    if (!initial) {
      setStatus('These runs have fewer than three classes: there is no plane to show.');
      document.body.dataset.state = 'error';
      return;
    }
    setTriplet(initial);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
