import type { Command } from '../command';
import { help } from './help';
import { inspect } from './inspect';
import { features } from './features';
import { train } from './train';
import { infer } from './infer';

/** Every CLI command. A new command is a module in this folder exporting a Command, added here. */
export const COMMANDS: readonly Command[] = [help, inspect, features, train, infer];
