import { useRef, useState } from 'react';

/** Bring your own model: a `.tflite` dropped or picked here becomes the generated library without the DSP. */
export function ModelDrop({
  fileName,
  disabled,
  onFile,
  onClear,
}: {
  fileName: string | null;
  disabled: boolean;
  onFile: (file: File) => void;
  onClear: () => void;
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
      data-testid="deploy-dropzone"
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
      {fileName ? (
        <p>
          Deploying <strong className="break">{fileName}</strong> without a processing block.{' '}
          <button className="link" onClick={onClear} disabled={disabled} data-testid="deploy-clear-file">
            Deploy the impulse instead
          </button>
        </p>
      ) : (
        <p>
          <strong>Bring your own model:</strong> drop a <code>.tflite</code> here or{' '}
          <button className="link" onClick={() => input.current?.click()} disabled={disabled}>
            choose a file
          </button>
        </p>
      )}
      <p className="muted small">
        It becomes the same generated C library without the DSP, with <code>model_invoke(input, output)</code>{' '}
        on its raw tensors, or a header for TensorFlow Lite Micro.
      </p>
      <input
        ref={input}
        type="file"
        hidden
        accept=".tflite"
        data-testid="deploy-file-input"
        onChange={(e) => {
          take(e.target.files);
          e.target.value = '';
        }}
      />
    </div>
  );
}
