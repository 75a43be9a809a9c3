import { useImpulses } from '../../state/impulseStore';

/** The impulse to test or run live, shown only when the project has several. */
export function ImpulsePicker({ disabled }: { disabled: boolean }) {
  const impulses = useImpulses((s) => s.impulses);
  const selectedId = useImpulses((s) => s.selectedId);
  if (impulses.length < 2) return null;
  return (
    <label>
      Impulse
      {/* Named by the word alone: a wrapping label would otherwise also read out every option. */}
      <select
        aria-label="Impulse"
        value={selectedId ?? ''}
        onChange={(e) => useImpulses.getState().select(e.target.value)}
        disabled={disabled}
      >
        {impulses.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name}
          </option>
        ))}
      </select>
    </label>
  );
}
