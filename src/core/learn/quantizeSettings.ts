/** How a trained network is quantised (pure data, so the page can hold it without loading the quantiser). */
export interface QuantizeSettings {
  method: 'minmax' | 'percentile';
  /** For 'percentile', e.g. 99.99. */
  percentile: number;
  /** Type of the model's input and output tensors (the inside is int8 either way). */
  ioType: 'int8' | 'float32';
}

export const DEFAULT_QUANTIZE: QuantizeSettings = { method: 'minmax', percentile: 99.99, ioType: 'int8' };
