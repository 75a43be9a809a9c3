export { readTflite } from './reader';
export { writeTflite } from './writer';
