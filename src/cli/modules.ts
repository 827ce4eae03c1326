// Commands of the business modules: each module exports `register(program)` and adds one line here.
import type { Command } from 'commander';

export const MODULE_COMMANDS: ((program: Command) => void)[] = [];
