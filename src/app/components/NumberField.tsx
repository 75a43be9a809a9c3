import { useId, useState } from 'react';
import type { NumberRule } from '../../core/validation/numberRule';

interface Props {
  label: string;
  value: number;
  /**
   * Called on every edit with the number typed, NaN when the text is not a number. The caller stores it as it
   * is, valid or not: the field shows what is stored, and the rules (core/validation) decide what is wrong.
   */
  onChange: (v: number) => void;
  /** What is wrong with the value, shown under the field and announced. */
  error?: string | null;
  /** Gives the input's min, max and (for whole numbers) step. */
  rule?: NumberRule;
  /** The arrow keys' step, when it is not 1 for whole numbers or 1 otherwise. */
  step?: number;
  unit?: string;
  /** The accessible name, when it differs from the visible label. */
  ariaLabel?: string;
  disabled?: boolean;
  placeholder?: string;
  /** How a value from outside (a drag on a chart, a reset) is written into the field. */
  format?: (v: number) => string;
}

const parse = (text: string) => (text.trim() === '' ? NaN : Number(text));

/** A number input that reports every edit, and shows the message of a wrong value next to it. */
export function NumberField({
  label,
  value,
  onChange,
  error,
  rule,
  step,
  unit,
  ariaLabel,
  disabled,
  placeholder,
  format = String,
}: Props) {
  const [text, setText] = useState(Number.isNaN(value) ? '' : format(value));
  const [shown, setShown] = useState(value);
  // A new value from outside replaces the text, unless the text already says it (typing "0.50" stays).
  if (!Object.is(shown, value)) {
    setShown(value);
    if (!Object.is(parse(text), value)) setText(Number.isNaN(value) ? '' : format(value));
  }
  const messageId = useId();
  const low = rule?.min ?? rule?.above;
  return (
    <label className={error ? 'invalid' : undefined}>
      {unit ? `${label} (${unit})` : label}
      <input
        type="number"
        aria-label={ariaLabel ?? label}
        value={text}
        min={low}
        max={rule?.max}
        step={step ?? (rule?.integer ? 1 : 'any')}
        disabled={disabled}
        placeholder={placeholder}
        aria-invalid={!!error}
        aria-describedby={error ? messageId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parse(e.target.value));
        }}
      />
      {error && (
        <span id={messageId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}
