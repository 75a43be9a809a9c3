export { calibrate, createCalibrator, type CalibrationOptions, type Calibrator } from './calibrate';
export { quantizeGraph, type QuantizeOptions } from './quantizeGraph';
export { quantizeModel } from './quantizeModel';
export type { CalibrationMethod } from './rangeRecorder';
export type { ActivationRanges, ValueRange } from './ranges';
