// What `npm start` prints once the server listens: where things are and the keys to use.
import type { Workspace } from './auth/workspaces';
import type { Config } from './config';
import type { DashboardSignIn } from './team/first-owner';

/** The sign-in line: the password only while it is still the generated one. */
function signInLine(signIn: DashboardSignIn): string {
  if (signIn.password !== null) return `${signIn.email}  ${signIn.password}   (generated: change it in the dashboard, then it is no longer shown)`;
  return `${signIn.email}   (password ${signIn.fromEnv ? 'from ONWARD_ADMIN_PASSWORD' : 'set by its owner'})`;
}

export function printBanner({ config, port, workspace, signIn }: { config: Config; port: number; workspace: Workspace; signIn?: DashboardSignIn }) {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const base = `http://${host}:${port}`;
  const lines = [
    '',
    `  Onward is running at ${base}`,
    '',
    `  Dashboard     ${base}/`,
    ...(signIn === undefined ? [] : [`  Sign in       ${signInLine(signIn)}`]),
    `  Demo app      ${base}/demo`,
    `  SDK           ${base}/sdk.js`,
    `  Health        ${base}/healthz`,
    `  API reference ${base}/docs`,
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
