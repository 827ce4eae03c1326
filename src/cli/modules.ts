// Commands of the business modules: each module exports `register(program)` and adds one line here.
import type { Command } from 'commander';
import { register as disclosure } from './disclosure';

export const MODULE_COMMANDS: ((program: Command) => void)[] = [disclosure];
