import { useProfiling } from '../../state/profilingStore';

/** The cost model's published calibration: each measurement, the estimate and the error (loaded when opened). */
export function CalibrationNote() {
  const calibration = useProfiling((s) => s.calibration);
  return (
    <details
      className="card calibration-note"
      data-testid="calibration-note"
      onToggle={(e) => (e.currentTarget.open ? void useProfiling.getState().loadCalibration() : undefined)}
    >
      <summary>How the estimates are calibrated</summary>
      <p className="small">
        Latency is counted from each kernel’s real work (MACs, reads and writes, kernel shape, padding) priced
        per instruction class on the board’s core, times one efficiency per core family fitted on public
        TFLite Micro + CMSIS-NN measurements (MLPerf Tiny) and one for the DSP fitted on Edge Impulse’s
        gesture figures. Figures from other engines are bounds, never fitted. The studio’s generated build is
        not fitted either: its instructions are counted per kernel from the GCC -Os disassembly of the
        generated C, checked against an emulated Cortex-M4’s instruction count (QEMU), and priced with the
        same per-instruction costs. Arena head and tail are exact replays of TFLite Micro’s planner and
        allocations; code sizes are measured Cortex-M4 builds, so estimated for other models and cores.
      </p>
      {calibration?.status === 'loading' && <p className="muted">Computing the calibration table…</p>}
      {calibration?.status === 'error' && <p className="error-text">{calibration.error}</p>}
      {calibration?.note && (
        <>
          <p className="small" data-testid="calibration-fit">
            Fit: {calibration.note.fit}. Worst error beyond a figure’s resolution:{' '}
            {calibration.note.worstErrorPct.toFixed(1)} %.
          </p>
          <div className="table-scroll">
            <table className="table compact" data-testid="calibration-table">
              <thead>
                <tr>
                  <th scope="col">Measurement</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Software</th>
                  <th scope="col" className="num">
                    Measured ms
                  </th>
                  <th scope="col" className="num">
                    Estimate ms
                  </th>
                  <th scope="col" className="num">
                    Error
                  </th>
                </tr>
              </thead>
              <tbody>
                {calibration.note.rows.map((r) => (
                  <tr key={r.measurement.id} title={r.measurement.source}>
                    <td>
                      {r.measurement.id}
                      <div className="muted small">{r.target}</div>
                    </td>
                    <td>{r.measurement.kind}</td>
                    <td className="small">{r.measurement.software}</td>
                    <td className="num">{r.measurement.ms}</td>
                    <td className="num">{r.estimateMs.toPrecision(4)}</td>
                    <td className="num">
                      {r.errorPct === null
                        ? `bound ${r.boundHolds ? 'holds' : 'broken'} (×${(r.estimateMs / r.measurement.ms).toFixed(2)})`
                        : `${r.errorPct >= 0 ? '+' : ''}${r.errorPct.toFixed(1)} %`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </details>
  );
}
