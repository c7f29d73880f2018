"""Writes src/charts/metrics_table.rs: the advance widths of the bundled Liberation Sans
for the characters chart labels use (Latin, Greek, punctuation, sub- and superscripts,
arrows, mathematical operators), so an SVG chart is laid out the same natively and in the
browser. Run from the repository root: python3 scripts/fonts/make_metrics.py
(needs `pip install fonttools`)."""
from fontTools.ttLib import TTFont

font = TTFont("assets/fonts/LiberationSans-Regular.ttf")
cmap = font.getBestCmap()
hmtx = font["hmtx"]
upem = font["head"].unitsPerEm
RANGES = [(0x20, 0x7E), (0xA0, 0x17F), (0x370, 0x3FF), (0x2000, 0x22FF), (0x25A0, 0x25FF)]
rows = []
for lo, hi in RANGES:
    for cp in range(lo, hi + 1):
        if cp in cmap:
            rows.append((cp, hmtx[cmap[cp]][0]))
notdef = hmtx[".notdef"][0]
out = [
    "//! Made by scripts/fonts/make_metrics.py from assets/fonts/LiberationSans-Regular.ttf: do not edit.",
    "",
    f"/// Font units per em.",
    f"pub const UNITS_PER_EM: u16 = {upem};",
    f"/// The advance of a character the font does not have (its .notdef glyph).",
    f"pub const NOTDEF: u16 = {notdef};",
    f"/// (code point, advance in font units), sorted by code point.",
    f"pub static ADVANCES: [(u32, u16); {len(rows)}] = [",
]
for i in range(0, len(rows), 8):
    out.append("    " + " ".join(f"(0x{cp:04X}, {w})," for cp, w in rows[i : i + 8]))
out.append("];")
open("src/charts/metrics_table.rs", "w").write("\n".join(out) + "\n")
print(f"{len(rows)} characters, units per em {upem}, notdef {notdef}")
