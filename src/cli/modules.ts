// Commands of the business modules: each module exports `register(program)` and adds one line here.
import type { Command } from 'commander';
import { register as registerTasks } from './tasks';

export const MODULE_COMMANDS: ((program: Command) => void)[] = [registerTasks];
