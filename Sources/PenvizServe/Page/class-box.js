// ClassBox: one of the three class inputs (a, b, c) with its type-ahead list:
// keyboard and mouse picking, the id badge, and telling the triplet when it commits.

import { state } from './state.js';
import { el } from './dom.js';
import { highlighted, matchClasses, resolveClass } from './class-matching.js';
import { onBoxesChanged } from './triplet.js';

export class ClassBox {
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
