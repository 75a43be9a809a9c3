import type { TrainingSettings } from '../../core/learn/learnBlock';
import type { Problems } from '../../core/validation/numberRule';
import { AUGMENTATION_RULES, TRAINING_RULES } from '../../core/validation/trainingSettingsRules';
import { NumberField } from '../components/NumberField';

interface Props {
  settings: TrainingSettings;
  audio: boolean;
  /** Keyed as trainingSettingsProblems keys them ('epochs', 'augmentation.noise', …). */
  problems: Problems;
  onChange: (s: TrainingSettings) => void;
}

export function TrainingSettingsForm({ settings, audio, problems, onChange }: Props) {
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
        rule={TRAINING_RULES.epochs}
        error={problems.epochs}
        value={settings.epochs}
        onChange={(v) => set('epochs', v)}
      />
      <NumberField
        label="Learning rate"
        rule={TRAINING_RULES.learningRate}
        error={problems.learningRate}
        value={settings.learningRate}
        onChange={(v) => set('learningRate', v)}
      />
      <NumberField
        label="Batch size"
        rule={TRAINING_RULES.batchSize}
        error={problems.batchSize}
        value={settings.batchSize}
        onChange={(v) => set('batchSize', v)}
      />
      <NumberField
        label="Validation split"
        rule={TRAINING_RULES.validationSplit}
        error={problems.validationSplit}
        step={0.05}
        value={settings.validationSplit}
        onChange={(v) => set('validationSplit', v)}
      />
      <NumberField
        label="Early stopping patience"
        unit="epochs, 0 = off"
        rule={TRAINING_RULES.earlyStoppingPatience}
        error={problems.earlyStoppingPatience}
        value={settings.earlyStoppingPatience}
        onChange={(v) => set('earlyStoppingPatience', v)}
      />
      <NumberField
        label="Seed"
        rule={TRAINING_RULES.seed}
        error={problems.seed}
        value={settings.seed}
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
            rule={AUGMENTATION_RULES.noise}
            error={problems['augmentation.noise']}
            step={0.01}
            value={aug.noise}
            onChange={(v) => setAug('noise', v)}
          />
          {audio ? (
            <>
              <NumberField
                label="Time masks"
                rule={AUGMENTATION_RULES.timeMasks}
                error={problems['augmentation.timeMasks']}
                value={aug.timeMasks}
                onChange={(v) => setAug('timeMasks', v)}
              />
              <NumberField
                label="Time mask width"
                unit="frames"
                rule={AUGMENTATION_RULES.timeMaskMax}
                error={problems['augmentation.timeMaskMax']}
                value={aug.timeMaskMax}
                onChange={(v) => setAug('timeMaskMax', v)}
              />
              <NumberField
                label="Frequency masks"
                rule={AUGMENTATION_RULES.freqMasks}
                error={problems['augmentation.freqMasks']}
                value={aug.freqMasks}
                onChange={(v) => setAug('freqMasks', v)}
              />
              <NumberField
                label="Frequency mask width"
                unit="bins"
                rule={AUGMENTATION_RULES.freqMaskMax}
                error={problems['augmentation.freqMaskMax']}
                value={aug.freqMaskMax}
                onChange={(v) => setAug('freqMaskMax', v)}
              />
            </>
          ) : (
            <>
              <NumberField
                label="Scale"
                unit="±"
                rule={AUGMENTATION_RULES.scale}
                error={problems['augmentation.scale']}
                step={0.01}
                value={aug.scale}
                onChange={(v) => setAug('scale', v)}
              />
              <NumberField
                label="Time shift"
                unit="× window"
                rule={AUGMENTATION_RULES.shift}
                error={problems['augmentation.shift']}
                step={0.01}
                value={aug.shift}
                onChange={(v) => setAug('shift', v)}
              />
            </>
          )}
        </div>
      )}
    </fieldset>
  );
}
