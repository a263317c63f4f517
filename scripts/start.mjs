// `npm start`: install if needed, build, then run the server in the foreground.
import { spawn } from 'node:child_process';
import { build, ensureInstalled } from './workspace.mjs';

ensureInstalled();
build();

const server = spawn(process.execPath, ['server/dist/main.js'], {
  cwd: new URL('../', import.meta.url),
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code) => process.exit(code ?? 0));
