// Commands of the business modules: each module exports `register(program)` and adds one line here.
import type { Command } from 'commander';
import { register as assess } from './assess';
import { register as disclosure } from './disclosure';
import { register as qa } from './qa';
import { register as requests } from './requests';
import { register as sites } from './sites';
import { register as tasks } from './tasks';

export const MODULE_COMMANDS: ((program: Command) => void)[] = [
  tasks,
  requests,
  disclosure,
  qa,
  sites,
  assess,
];
