// How a table sits in its box on any screen. `tableBox` on the element around a table:
// - copies each column's heading into its body cells' `data-label` (a cell that has one keeps it),
//   so that the stacked rows of a phone (`.table-wrap--stack` in app.css) name every figure;
// - while the table is wider than the box, makes the box a region one can scroll from the keyboard
//   (role="region", tabindex="0", a label) and marks it `data-overflow` for the visual cue (the
//   shadows and the line under it, in app.css); `data-at-end` once it is scrolled to its end.
import type { Action } from 'svelte/action';

export interface TableBoxOptions {
  /** What the region is called when it scrolls (the table's caption, say). */
  label: string;
}

/** One heading per column: a heading spanning columns is repeated for each; white space is one space. */
export function spreadHeadings(cells: readonly { text: string; span: number }[]): string[] {
  return cells.flatMap(({ text, span }) => Array<string>(Math.max(1, span)).fill(text.replace(/\s+/g, ' ').trim()));
}

/** The headings of the table's last header row, one per column. */
export function columnHeadings(table: HTMLTableElement): string[] {
  const row = table.tHead?.rows[table.tHead.rows.length - 1];
  if (!row) return [];
  // innerText: a line break in a heading (<br>) is a space, not nothing.
  return spreadHeadings(Array.from(row.cells, (cell) => ({ text: cell.innerText || cell.textContent || '', span: cell.colSpan })));
}

function labelCells(table: HTMLTableElement): void {
  const headings = columnHeadings(table);
  if (headings.length === 0) return;
  for (const body of Array.from(table.tBodies)) {
    for (const row of Array.from(body.rows)) {
      let column = 0;
      for (const cell of Array.from(row.cells)) {
        const heading = headings[column];
        // A label the component gave stays; one this copied follows the heading.
        const own = cell.hasAttribute('data-label') && !cell.hasAttribute('data-label-auto');
        if (heading && !own) {
          cell.setAttribute('data-label', heading);
          cell.setAttribute('data-label-auto', '');
        }
        column += cell.colSpan;
      }
    }
  }
}

export const tableBox: Action<HTMLElement, TableBoxOptions> = (node, initial) => {
  let options = initial;
  let frame = 0;

  function update(): void {
    frame = 0;
    const table = node.querySelector('table');
    if (table) labelCells(table);
    const overflowing = node.scrollWidth > node.clientWidth + 1;
    if (overflowing) {
      node.setAttribute('data-overflow', 'true');
      node.setAttribute('role', 'region');
      node.setAttribute('tabindex', '0');
      node.setAttribute('aria-label', options.label);
    } else {
      node.removeAttribute('data-overflow');
      node.removeAttribute('role');
      node.removeAttribute('tabindex');
      node.removeAttribute('aria-label');
    }
    onscroll();
  }

  function schedule(): void {
    if (!frame) frame = requestAnimationFrame(update);
  }

  function onscroll(): void {
    const atEnd = node.scrollLeft + node.clientWidth >= node.scrollWidth - 1;
    if (atEnd) node.setAttribute('data-at-end', 'true');
    else node.removeAttribute('data-at-end');
  }

  const resize = new ResizeObserver(schedule);
  resize.observe(node);
  const table = node.querySelector('table');
  if (table) resize.observe(table);
  const mutations = new MutationObserver(schedule);
  mutations.observe(node, { childList: true, subtree: true, characterData: true });
  node.addEventListener('scroll', onscroll, { passive: true });
  update();

  return {
    update(next) {
      options = next;
      schedule();
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      resize.disconnect();
      mutations.disconnect();
      node.removeEventListener('scroll', onscroll);
    },
  };
};
