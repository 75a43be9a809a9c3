import type { Command } from '../command';
import { help } from './help';
import { inspect } from './inspectCommand';
import { features } from './featuresCommand';
import { train } from './trainCommand';
import { infer } from './inferCommand';
import { exportLibrary } from './exportCommand';
import { profile } from './profileCommand';

/**
 * Every CLI command. A new command is a module in this folder exporting a Command, added here; a command with
 * heavy dependencies is a `lazyCommand` (its options in `<name>Command.ts`, its code in `<name>.ts`), so that
 * loading this list loads none of them.
 */
export const COMMANDS: readonly Command[] = [help, inspect, features, train, infer, exportLibrary, profile];
