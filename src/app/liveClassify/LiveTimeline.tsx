import { TIMELINE_WINDOWS, type LiveSession } from '../../state/liveClassifyStore';
import { labelColor, UNCERTAIN_COLOR } from './labelColor';

const WIDTH = 600;
const HEIGHT = 120;
const SLOT = WIDTH / TIMELINE_WINDOWS;

/**
 * The last windows, oldest left: a classifier's top label as a coloured bar as tall as its smoothed
 * probability; a regression value or anomaly score as a line (anomaly: the 0 line dashed).
 */
export function LiveTimeline({ session }: { session: LiveSession }) {
  const points = session.timeline;
  const offset = TIMELINE_WINDOWS - points.length;
  return (
    <figure className="live-timeline" data-testid="live-timeline">
      <figcaption className="muted small">Last {TIMELINE_WINDOWS} windows (newest right)</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label="Timeline of live results"
      >
        {session.kind === 'classifier' ? (
          points.map((p, i) => {
            const h = Math.max(2, p.value * (HEIGHT - 4));
            return (
              <rect
                key={p.window}
                x={(offset + i) * SLOT + 0.5}
                y={HEIGHT - h}
                width={SLOT - 1}
                height={h}
                fill={labelColor(session.labels, p.text)}
              >
                <title>{`window ${p.window}: ${p.text} (${p.value.toFixed(2)})`}</title>
              </rect>
            );
          })
        ) : (
          <ValueLine
            values={points.map((p) => p.value)}
            offset={offset}
            zeroLine={session.kind === 'anomaly'}
          />
        )}
      </svg>
      {session.kind === 'classifier' && (
        <div className="live-legend">
          {[...session.labels, 'uncertain'].map((l) => (
            <span key={l} style={{ ['--swatch' as string]: labelColor(session.labels, l) }}>
              {l}
            </span>
          ))}
        </div>
      )}
    </figure>
  );
}

function ValueLine({ values, offset, zeroLine }: { values: number[]; offset: number; zeroLine: boolean }) {
  if (values.length === 0) return null;
  const lo = Math.min(...values, zeroLine ? 0 : Infinity);
  const hi = Math.max(...values, zeroLine ? 0 : -Infinity);
  const span = hi - lo || 1;
  const y = (v: number) => HEIGHT - 6 - ((v - lo) / span) * (HEIGHT - 12);
  const line = values.map((v, i) => `${(offset + i + 0.5) * SLOT},${y(v)}`).join(' ');
  return (
    <>
      {zeroLine && (
        <line x1={0} x2={WIDTH} y1={y(0)} y2={y(0)} stroke={UNCERTAIN_COLOR} strokeDasharray="4 4" />
      )}
      <polyline
        points={line}
        fill="none"
        stroke="#2563eb"
        strokeWidth={2}
        vectorEffect="non-scaling-stroke"
      />
      <text x={4} y={12} fontSize={10} fill="#6b7280">
        {Number(hi.toPrecision(3))}
      </text>
      <text x={4} y={HEIGHT - 4} fontSize={10} fill="#6b7280">
        {Number(lo.toPrecision(3))}
      </text>
    </>
  );
}
