import { TfliteDropzone } from '../components/TfliteDropzone';

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
  return (
    <TfliteDropzone
      zoneTestId="deploy-dropzone"
      inputTestId="deploy-file-input"
      disabled={disabled}
      onFile={onFile}
      note={
        <>
          It becomes the same generated C library without the DSP, with{' '}
          <code>model_invoke(input, output)</code> on its raw tensors, or a header for TensorFlow Lite Micro.
        </>
      }
    >
      {fileName !== null && (
        <p>
          Deploying <strong className="break">{fileName}</strong> without a processing block.{' '}
          <button className="link" onClick={onClear} disabled={disabled} data-testid="deploy-clear-file">
            Deploy the impulse instead
          </button>
        </p>
      )}
    </TfliteDropzone>
  );
}
