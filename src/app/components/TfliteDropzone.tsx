import { useRef, useState, type ReactNode } from 'react';

/**
 * Bring your own model: a `.tflite` dropped on the zone or picked with its button is handed to `onFile`. The
 * Deployment and Profiling pages share it; `children` replaces the prompt (e.g. with the file now in use) and
 * `note` says what becomes of the file.
 */
export function TfliteDropzone({
  zoneTestId,
  inputTestId,
  disabled,
  onFile,
  note,
  children,
}: {
  zoneTestId: string;
  inputTestId: string;
  disabled: boolean;
  onFile: (file: File) => void;
  note: ReactNode;
  children?: ReactNode;
}) {
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const take = (files: FileList | null) => {
    const file = files?.[0];
    if (file) onFile(file);
  };
  return (
    <div
      className={`dropzone ${over ? 'over' : ''}`}
      data-testid={zoneTestId}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!disabled) take(e.dataTransfer.files);
      }}
    >
      {children ?? (
        <p>
          <strong>Bring your own model:</strong> drop a <code>.tflite</code> here or{' '}
          <button className="link" onClick={() => input.current?.click()} disabled={disabled}>
            choose a file
          </button>
        </p>
      )}
      <p className="muted small">{note}</p>
      <input
        ref={input}
        type="file"
        hidden
        accept=".tflite"
        data-testid={inputTestId}
        onChange={(e) => {
          take(e.target.files);
          e.target.value = '';
        }}
      />
    </div>
  );
}
