// Persistence for the demo app: everything lives in localStorage under `acme-demo:` keys.
// Account data is scoped by account id, settings by user id, so two demo companies never mix.

const PREFIX = 'acme-demo:';

/** localStorage that may be missing or throw (private mode, quota): fall back to memory. */
function createStorage() {
  const memory = new Map();
  let local = null;
  try {
    local = window.localStorage;
    local.setItem(`${PREFIX}probe`, '1');
    local.removeItem(`${PREFIX}probe`);
  } catch {
    local = null;
  }
  return {
    read(key, fallback) {
      try {
        const raw = local ? local.getItem(PREFIX + key) : memory.get(key);
        return raw == null ? fallback : JSON.parse(raw);
      } catch {
        return fallback;
      }
    },
    write(key, value) {
      const raw = JSON.stringify(value);
      try {
        if (local) local.setItem(PREFIX + key, raw);
        else memory.set(key, raw);
      } catch {
        memory.set(key, raw);
      }
    },
    remove(key) {
      try {
        if (local) local.removeItem(PREFIX + key);
      } catch {
        /* nothing to forget */
      }
      memory.delete(key);
    },
  };
}

const storage = createStorage();

/** Two FNV-1a variants side by side: a short, stable, non-cryptographic id from a string. */
export function shortHash(input) {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (const ch of input) {
    const code = ch.codePointAt(0) ?? 0;
    a = Math.imul(a ^ code, 16777619);
    b = Math.imul(b ^ code, 2246822507);
  }
  const part = (n) => (n >>> 0).toString(36).padStart(7, '0');
  return (part(a) + part(b)).slice(0, 12);
}

function randomId(prefix) {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return prefix + Array.from(bytes, (x) => x.toString(36).padStart(2, '0')).join('');
}

export const userIdFor = (email) => `user_${shortHash(email.trim().toLowerCase())}`;
export const accountIdFor = (company) => `acct_${shortHash(company.trim().toLowerCase())}`;

// ── session ────────────────────────────────────────────────────────────────

/** @returns {{userId: string, accountId: string, name: string, email: string, company: string} | null} */
export function getSession() {
  const session = storage.read('session', null);
  return session && session.userId && session.accountId ? session : null;
}

/** Signs in; remembers the first sign-in of the user and of the account (createdAt, contractStart). */
export function signIn({ name, email, company }) {
  const session = {
    userId: userIdFor(email),
    accountId: accountIdFor(company),
    name: name.trim(),
    email: email.trim().toLowerCase(),
    company: company.trim(),
  };
  const now = new Date();
  const users = storage.read('users', {});
  if (!users[session.userId]) users[session.userId] = { firstSignInAt: now.toISOString() };
  storage.write('users', users);

  const accounts = storage.read('accounts', {});
  if (!accounts[session.accountId]) {
    const renewal = new Date(now);
    renewal.setFullYear(renewal.getFullYear() + 1);
    accounts[session.accountId] = {
      contractStart: now.toISOString(),
      renewalDate: renewal.toISOString(),
    };
  }
  storage.write('accounts', accounts);
  storage.write('session', session);
  ensureMember(session);
  return session;
}

export function signOut() {
  storage.remove('session');
}

export function userRecord(userId) {
  return storage.read('users', {})[userId] ?? { firstSignInAt: new Date().toISOString() };
}

export function accountRecord(accountId) {
  return storage.read('accounts', {})[accountId] ?? {};
}

// ── settings (per user) ────────────────────────────────────────────────────

export function defaultLocale() {
  return (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** @returns {{displayName: string, locale: 'en' | 'zh-CN', theme: 'light' | 'dark' | 'system'}} */
export function getSettings(session) {
  const saved = storage.read(`${session.userId}:settings`, {});
  return {
    displayName: saved.displayName || session.name,
    locale: saved.locale === 'zh-CN' || saved.locale === 'en' ? saved.locale : defaultLocale(),
    theme: ['light', 'dark', 'system'].includes(saved.theme) ? saved.theme : 'light',
  };
}

export function saveSettings(session, settings) {
  storage.write(`${session.userId}:settings`, settings);
}

// ── account data: projects, reports, teammates, activity ───────────────────

const listOf = (session, name) => storage.read(`${session.accountId}:${name}`, []);
const saveList = (session, name, list) => storage.write(`${session.accountId}:${name}`, list);

export const listProjects = (session) => listOf(session, 'projects');
export const findProject = (session, id) => listProjects(session).find((p) => p.id === id) ?? null;

export function createProject(session, { name, description }) {
  const project = {
    id: randomId('proj_'),
    name: name.trim(),
    description: description.trim(),
    createdAt: new Date().toISOString(),
    createdBy: session.userId,
  };
  saveList(session, 'projects', [project, ...listProjects(session)]);
  logActivity(session, 'projectCreated', project.name);
  return project;
}

export const listReports = (session, projectId) =>
  listOf(session, 'reports').filter((r) => !projectId || r.projectId === projectId);

export function createReport(session, { projectId, name, chartType }) {
  const report = {
    id: randomId('rep_'),
    projectId,
    name: name.trim(),
    chartType,
    createdAt: new Date().toISOString(),
    createdBy: session.userId,
  };
  saveList(session, 'reports', [report, ...listOf(session, 'reports')]);
  logActivity(session, 'reportCreated', report.name);
  return report;
}

export const SEATS = 10;

export const listTeammates = (session) => listOf(session, 'teammates');

function ensureMember(session) {
  const teammates = listTeammates(session);
  const existing = teammates.find((m) => m.email === session.email);
  if (existing && existing.status === 'active') return;
  const member = {
    id: existing?.id ?? randomId('mem_'),
    email: session.email,
    name: session.name,
    role: existing?.role ?? 'admin',
    status: 'active',
    invitedAt: existing?.invitedAt ?? new Date().toISOString(),
  };
  saveList(session, 'teammates', [member, ...teammates.filter((m) => m.email !== session.email)]);
}

export function inviteTeammate(session, { email, role }) {
  const invite = {
    id: randomId('mem_'),
    email: email.trim().toLowerCase(),
    name: '',
    role,
    status: 'invited',
    invitedAt: new Date().toISOString(),
  };
  saveList(session, 'teammates', [...listTeammates(session), invite]);
  logActivity(session, 'teammateInvited', invite.email);
  return invite;
}

/** @returns {{kind: string, subject: string, at: string, by: string}[]} newest first */
export const listActivity = (session) => listOf(session, 'activity');

function logActivity(session, kind, subject) {
  const entry = { kind, subject, at: new Date().toISOString(), by: session.name };
  saveList(session, 'activity', [entry, ...listActivity(session)].slice(0, 20));
}
