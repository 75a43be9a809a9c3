import type { TuneSettings } from '../../core/compress/compressSettings';
import type { Problems } from '../../core/validation/numberRule';
import { NumberField } from '../components/NumberField';

/** Epochs, learning rate, batch size and seed of a fine-tuning run, each with its message. */
export function TuneFields<T extends TuneSettings>({
  value,
  problems,
  onChange,
  disabled,
  idPrefix,
}: {
  value: T;
  problems: Problems;
  onChange: (v: T) => void;
  disabled: boolean;
  idPrefix: string;
}) {
  return (
    <>
      <NumberField
        label="Epochs"
        ariaLabel={`${idPrefix} epochs`}
        value={value.epochs}
        error={problems.epochs}
        disabled={disabled}
        onChange={(epochs) => onChange({ ...value, epochs })}
      />
      <NumberField
        label="Learning rate"
        ariaLabel={`${idPrefix} learning rate`}
        value={value.learningRate}
        step={0.0005}
        error={problems.learningRate}
        disabled={disabled}
        onChange={(learningRate) => onChange({ ...value, learningRate })}
      />
      <NumberField
        label="Batch size"
        ariaLabel={`${idPrefix} batch size`}
        value={value.batchSize}
        error={problems.batchSize}
        disabled={disabled}
        onChange={(batchSize) => onChange({ ...value, batchSize })}
      />
      <NumberField
        label="Seed"
        ariaLabel={`${idPrefix} seed`}
        value={value.seed}
        error={problems.seed}
        disabled={disabled}
        onChange={(seed) => onChange({ ...value, seed })}
      />
    </>
  );
}
