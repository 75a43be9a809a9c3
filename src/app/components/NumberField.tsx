import { useState } from 'react';

interface Props {
  label: string;
  value: number;
  onChange: (v: number) => void;
  min?: number;
  max?: number;
  step?: number | 'any';
  unit?: string;
}

/** A number input that lets the user type freely and reports only valid numbers. */
export function NumberField({ label, value, onChange, min, max, step = 'any', unit }: Props) {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value && Number(text) !== value) {
    setShown(value);
    setText(String(value));
  }
  const n = Number(text);
  const invalid =
    text.trim() === '' ||
    !Number.isFinite(n) ||
    (min !== undefined && n < min) ||
    (max !== undefined && n > max);
  return (
    <label className={invalid ? 'invalid' : undefined}>
      {unit ? `${label} (${unit})` : label}
      <input
        type="number"
        aria-label={label}
        value={text}
        min={min}
        max={max}
        step={step}
        aria-invalid={invalid}
        onChange={(e) => {
          setText(e.target.value);
          const v = Number(e.target.value);
          if (
            e.target.value.trim() !== '' &&
            Number.isFinite(v) &&
            (min === undefined || v >= min) &&
            (max === undefined || v <= max)
          ) {
            setShown(v);
            onChange(v);
          }
        }}
      />
    </label>
  );
}
