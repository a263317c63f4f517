// What `npm start` prints once the server listens: where things are and the keys to use.
import type { Workspace } from './auth/workspaces';
import type { Config } from './config';

export function printBanner({ config, port, workspace }: { config: Config; port: number; workspace: Workspace }) {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const base = `http://${host}:${port}`;
  const lines = [
    '',
    `  Onward is running at ${base}`,
    '',
    `  Demo app      ${base}/demo`,
    `  SDK           ${base}/sdk.js`,
    `  Health        ${base}/healthz`,
    `  Database      ${config.databaseUrl}`,
    '',
    `  Write key     ${workspace.writeKey}   (publishable: the script tag and Segment clients)`,
    `  Secret key    ${workspace.secretKey}   (keep it on your servers)`,
    '',
    `  Install:  <script async src="${base}/sdk.js" data-write-key="${workspace.writeKey}"></script>`,
    '',
  ];
  console.log(lines.join('\n'));
}
