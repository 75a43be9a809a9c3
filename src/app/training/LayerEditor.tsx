import { useState } from 'react';
import type { LayerSpec, LayerType } from '../../core/learn/learnBlock';
import type { Problems } from '../../core/validation/numberRule';
import { layerRule } from '../../core/validation/learnBlockRules';
import { NumberField } from '../components/NumberField';

const NEW_LAYER: Record<LayerType, LayerSpec> = {
  dense: { type: 'dense', units: 16 },
  conv1d: { type: 'conv1d', filters: 8, kernelSize: 3 },
  conv2d: { type: 'conv2d', filters: 8, kernelSize: 3 },
  separableConv: { type: 'separableConv', filters: 16, kernelSize: 3 },
  maxPool: { type: 'maxPool', size: 2 },
  avgPool: { type: 'avgPool', size: 2 },
  dropout: { type: 'dropout', rate: 0.25 },
};

const TITLES: Record<LayerType, string> = {
  dense: 'Dense',
  conv1d: 'Conv1D',
  conv2d: 'Conv2D',
  separableConv: 'Depthwise-separable conv',
  maxPool: 'Max pooling',
  avgPool: 'Average pooling',
  dropout: 'Dropout',
};

/** A layer's number fields, with `problems` keyed as layerProblems keys them for layer `index`. */
function LayerFields({
  layer,
  index,
  problems,
  onChange,
}: {
  layer: LayerSpec;
  index: number;
  problems: Problems;
  onChange: (l: LayerSpec) => void;
}) {
  const field = (key: string, value: number, set: (v: number) => LayerSpec, step?: number) => {
    const rule = layerRule(layer, key);
    return (
      <NumberField
        key={key}
        label={rule.label}
        ariaLabel={`Layer ${index + 1} ${rule.label.toLowerCase()}`}
        value={value}
        rule={rule}
        step={step}
        error={problems[`layers.${index}.${key}`]}
        onChange={(v) => onChange(set(v))}
      />
    );
  };
  switch (layer.type) {
    case 'dense':
      return field('units', layer.units, (units) => ({ ...layer, units }));
    case 'conv1d':
    case 'conv2d':
    case 'separableConv':
      return (
        <>
          {field('filters', layer.filters, (filters) => ({ ...layer, filters }))}
          {field('kernelSize', layer.kernelSize, (kernelSize) => ({ ...layer, kernelSize }))}
        </>
      );
    case 'maxPool':
    case 'avgPool':
      return field('size', layer.size, (size) => ({ ...layer, size }));
    case 'dropout':
      return field('rate', layer.rate, (rate) => ({ ...layer, rate }), 0.05);
  }
}

/** The hidden layers of a network: edit, reorder, remove, add. The output layer is implied. */
export function LayerEditor({
  layers,
  problems,
  onChange,
}: {
  layers: LayerSpec[];
  /** Keyed as layerProblems keys them ('layers.<index>.<field>'). */
  problems: Problems;
  onChange: (layers: LayerSpec[]) => void;
}) {
  const [adding, setAdding] = useState<LayerType>('dense');
  const replace = (i: number, l: LayerSpec) => onChange(layers.map((x, j) => (j === i ? l : x)));
  const move = (i: number, d: number) => {
    const next = [...layers];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    onChange(next);
  };
  return (
    <div className="layer-editor">
      <ol className="layer-list" aria-label="Hidden layers">
        {layers.map((layer, i) => (
          <li key={i} className="layer-row" data-testid="layer-row">
            <span className="layer-type">{TITLES[layer.type]}</span>
            <span className="layer-fields">
              <LayerFields layer={layer} index={i} problems={problems} onChange={(l) => replace(i, l)} />
            </span>
            <span className="layer-actions">
              <button
                className="btn small"
                aria-label={`Move layer ${i + 1} up`}
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                ↑
              </button>
              <button
                className="btn small"
                aria-label={`Move layer ${i + 1} down`}
                disabled={i === layers.length - 1}
                onClick={() => move(i, 1)}
              >
                ↓
              </button>
              <button
                className="btn small"
                aria-label={`Remove layer ${i + 1}`}
                onClick={() => onChange(layers.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="row gap">
        <label>
          Add layer
          <select value={adding} onChange={(e) => setAdding(e.target.value as LayerType)}>
            {(Object.keys(TITLES) as LayerType[]).map((t) => (
              <option key={t} value={t}>
                {TITLES[t]}
              </option>
            ))}
          </select>
        </label>
        <button className="btn" onClick={() => onChange([...layers, { ...NEW_LAYER[adding] }])}>
          Add
        </button>
      </div>
    </div>
  );
}
