import type { TrainingSettings } from '../../core/learn/learnBlock';
import { NumberField } from '../components/NumberField';

interface Props {
  settings: TrainingSettings;
  audio: boolean;
  onChange: (s: TrainingSettings) => void;
}

export function TrainingSettingsForm({ settings, audio, onChange }: Props) {
  const set = <K extends keyof TrainingSettings>(key: K, value: TrainingSettings[K]) =>
    onChange({ ...settings, [key]: value });
  const aug = settings.augmentation;
  const setAug = <K extends keyof typeof aug>(key: K, value: (typeof aug)[K]) =>
    set('augmentation', { ...aug, [key]: value });
  return (
    <fieldset className="form-grid training-settings">
      <legend>Training settings</legend>
      <NumberField
        label="Epochs"
        value={settings.epochs}
        min={1}
        max={1000}
        step={1}
        onChange={(v) => set('epochs', v)}
      />
      <NumberField
        label="Learning rate"
        value={settings.learningRate}
        min={0.00001}
        max={1}
        onChange={(v) => set('learningRate', v)}
      />
      <NumberField
        label="Batch size"
        value={settings.batchSize}
        min={1}
        max={1024}
        step={1}
        onChange={(v) => set('batchSize', v)}
      />
      <NumberField
        label="Validation split"
        value={settings.validationSplit}
        min={0}
        max={0.5}
        step={0.05}
        onChange={(v) => set('validationSplit', v)}
      />
      <NumberField
        label="Early stopping patience"
        unit="epochs, 0 = off"
        value={settings.earlyStoppingPatience}
        min={0}
        max={100}
        step={1}
        onChange={(v) => set('earlyStoppingPatience', v)}
      />
      <NumberField
        label="Seed"
        value={settings.seed}
        min={0}
        max={2 ** 31 - 1}
        step={1}
        onChange={(v) => set('seed', v)}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings.classWeighting}
          onChange={(e) => set('classWeighting', e.target.checked)}
        />
        Weight classes by their frequency
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={aug.enabled} onChange={(e) => setAug('enabled', e.target.checked)} />
        Data augmentation
      </label>
      {aug.enabled && (
        <div className="form-grid nested">
          <NumberField
            label="Noise"
            unit="× spread"
            value={aug.noise}
            min={0}
            max={1}
            step={0.01}
            onChange={(v) => setAug('noise', v)}
          />
          {audio ? (
            <>
              <NumberField
                label="Time masks"
                value={aug.timeMasks}
                min={0}
                max={10}
                step={1}
                onChange={(v) => setAug('timeMasks', v)}
              />
              <NumberField
                label="Time mask width"
                unit="frames"
                value={aug.timeMaskMax}
                min={1}
                max={50}
                step={1}
                onChange={(v) => setAug('timeMaskMax', v)}
              />
              <NumberField
                label="Frequency masks"
                value={aug.freqMasks}
                min={0}
                max={10}
                step={1}
                onChange={(v) => setAug('freqMasks', v)}
              />
              <NumberField
                label="Frequency mask width"
                unit="bins"
                value={aug.freqMaskMax}
                min={1}
                max={40}
                step={1}
                onChange={(v) => setAug('freqMaskMax', v)}
              />
            </>
          ) : (
            <>
              <NumberField
                label="Scale"
                unit="±"
                value={aug.scale}
                min={0}
                max={0.5}
                step={0.01}
                onChange={(v) => setAug('scale', v)}
              />
              <NumberField
                label="Time shift"
                unit="× window"
                value={aug.shift}
                min={0}
                max={0.5}
                step={0.01}
                onChange={(v) => setAug('shift', v)}
              />
            </>
          )}
        </div>
      )}
    </fieldset>
  );
}
