/** DESIGN.md §5: the MFE block deliberately departs from Edge Impulse's reference at full scale, and says so. */
export function MfeClampNote() {
  return (
    <p className="muted small" data-testid="mfe-clamp-note">
      Full-scale cells: each MFE value is quantised to 8 bits as round(x·256)/256. A cell at (or within half a
      step of) full scale rounds to 256, which Edge Impulse’s reference stores as 0; the studio clamps it to
      255, so it stays at 0.996. Only such cells can differ from Edge Impulse’s features.
    </p>
  );
}
