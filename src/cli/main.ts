// The `gongkai` command. Every command is listed by `gongkai --help`.
import { Command } from 'commander';
import { VERSION } from '../server/version';

const program = new Command();
program
  .name('gongkai')
  .description('Gongkai 政务公开平台')
  .version(VERSION, '-v, --version', '显示版本号')
  .helpOption('-h, --help', '显示帮助')
  .addHelpCommand('help [command]', '显示某个命令的帮助')
  .showHelpAfterError();

// `gongkai qa …` needs neither the server nor the database: only its command is loaded, so it starts fast.
if (process.argv[2] === 'qa') (await import('./qa')).register(program);
else if (process.argv[2] === 'sites') (await import('./sites')).register(program);
else (await import('./commands')).registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  console.error(`错误：${(e as Error).message}`);
  process.exitCode = 1;
}
