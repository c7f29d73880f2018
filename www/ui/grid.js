// A block of vectors (rows of coloured cells) as one ARIA grid: one tab stop for the whole
// block, arrow keys inside it (Home/End to the ends of a row), the value read on focus.

/** Makes `container` (holding rows of [role=gridcell]) one grid named `label`. */
export function makeGrid(container, label) {
  container.setAttribute('role', 'grid');
  container.setAttribute('aria-label', label);
  const rows = () => [...container.querySelectorAll('[role=row]')].map((r) => [...r.querySelectorAll('[role=gridcell]')]).filter((r) => r.length);
  const all = rows().flat();
  for (const c of all) c.tabIndex = -1;
  if (all[0]) all[0].tabIndex = 0;
  container.addEventListener('keydown', (e) => {
    const grid = rows();
    let r = grid.findIndex((row) => row.includes(document.activeElement));
    if (r < 0) return;
    let c = grid[r].indexOf(document.activeElement);
    switch (e.key) {
      case 'ArrowRight': c = Math.min(c + 1, grid[r].length - 1); break;
      case 'ArrowLeft': c = Math.max(c - 1, 0); break;
      case 'ArrowDown': r = Math.min(r + 1, grid.length - 1); c = Math.min(c, grid[r].length - 1); break;
      case 'ArrowUp': r = Math.max(r - 1, 0); c = Math.min(c, grid[r].length - 1); break;
      case 'Home': c = 0; break;
      case 'End': c = grid[r].length - 1; break;
      default: return;
    }
    e.preventDefault();
    e.stopPropagation();
    for (const cell of grid.flat()) cell.tabIndex = -1;
    grid[r][c].tabIndex = 0;
    grid[r][c].focus();
  });
  return container;
}
